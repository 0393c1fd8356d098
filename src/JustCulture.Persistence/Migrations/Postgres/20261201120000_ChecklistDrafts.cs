using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Postgres;

[DbContext(typeof(PostgresJustCultureDbContext))]
[Migration("20261201120000_ChecklistDrafts")]
public sealed class ChecklistDrafts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => ChecklistDraftsSchema.Up(migrationBuilder, ColumnTypes.Postgres);

    protected override void Down(MigrationBuilder migrationBuilder) => ChecklistDraftsSchema.Down(migrationBuilder);
}
