using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Postgres;

[DbContext(typeof(PostgresJustCultureDbContext))]
[Migration("20261201090000_CaseStep")]
public sealed class CaseStep : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => CaseStepSchema.Up(migrationBuilder, ColumnTypes.Postgres);

    protected override void Down(MigrationBuilder migrationBuilder) => CaseStepSchema.Down(migrationBuilder);
}
