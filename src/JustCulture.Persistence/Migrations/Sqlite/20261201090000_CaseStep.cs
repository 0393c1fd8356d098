using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Sqlite;

[DbContext(typeof(SqliteJustCultureDbContext))]
[Migration("20261201090000_CaseStep")]
public sealed class CaseStep : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => CaseStepSchema.Up(migrationBuilder, ColumnTypes.Sqlite);

    protected override void Down(MigrationBuilder migrationBuilder) => CaseStepSchema.Down(migrationBuilder);
}
