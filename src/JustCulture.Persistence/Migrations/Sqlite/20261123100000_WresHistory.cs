using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Sqlite;

[DbContext(typeof(SqliteJustCultureDbContext))]
[Migration("20261123100000_WresHistory")]
public sealed class WresHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => WresHistorySchema.Up(migrationBuilder, ColumnTypes.Sqlite);

    protected override void Down(MigrationBuilder migrationBuilder) => WresHistorySchema.Down(migrationBuilder);
}
