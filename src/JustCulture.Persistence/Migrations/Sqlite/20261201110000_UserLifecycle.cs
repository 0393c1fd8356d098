using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Sqlite;

[DbContext(typeof(SqliteJustCultureDbContext))]
[Migration("20261201110000_UserLifecycle")]
public sealed class UserLifecycle : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => UserLifecycleSchema.Up(migrationBuilder, ColumnTypes.Sqlite);

    protected override void Down(MigrationBuilder migrationBuilder) => UserLifecycleSchema.Down(migrationBuilder);
}
