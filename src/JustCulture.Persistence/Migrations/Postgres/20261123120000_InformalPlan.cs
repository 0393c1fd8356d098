using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Postgres;

[DbContext(typeof(PostgresJustCultureDbContext))]
[Migration("20261123120000_InformalPlan")]
public sealed class InformalPlan : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => InformalPlanSchema.Up(migrationBuilder, ColumnTypes.Postgres);

    protected override void Down(MigrationBuilder migrationBuilder) => InformalPlanSchema.Down(migrationBuilder);
}
