using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations;

/// <summary>
/// The agreed actions and review date of an informal resolution, kept on the concern action. Shared by
/// the providers' InformalPlan migrations, which differ only in store types.
/// </summary>
internal static class InformalPlanSchema
{
    public static void Up(MigrationBuilder migrationBuilder, ColumnTypes t)
    {
        migrationBuilder.AddColumn<string>(
            name: "informal_agreed_actions",
            table: "concern_actions",
            type: t.VarChar(4000),
            maxLength: 4000,
            nullable: true);
        migrationBuilder.AddColumn<DateOnly>(
            name: "informal_review_date",
            table: "concern_actions",
            type: t.Date,
            nullable: true);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "informal_review_date", table: "concern_actions");
        migrationBuilder.DropColumn(name: "informal_agreed_actions", table: "concern_actions");
    }
}
