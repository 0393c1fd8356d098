using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Sqlite;

[DbContext(typeof(SqliteJustCultureDbContext))]
[Migration("20261123120000_InformalPlan")]
public sealed class InformalPlan : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => InformalPlanSchema.Up(migrationBuilder, ColumnTypes.Sqlite);

    protected override void Down(MigrationBuilder migrationBuilder) => InformalPlanSchema.Down(migrationBuilder);
}
