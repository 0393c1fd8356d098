using JustCulture.Domain.Staff;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations;

/// <summary>
/// What the one case step needs: a version per action (so steps on different actions never conflict),
/// each staff record's line-management chain, and on each concern the raiser as a person plus both
/// chains as they stood when it was raised (so reviewer independence is decided by person, then and now).
/// Shared by the providers' CaseStep migrations, which differ only in store types.
/// </summary>
internal static class CaseStepSchema
{
    public static void Up(MigrationBuilder migrationBuilder, ColumnTypes t)
    {
        migrationBuilder.AddColumn<int>(name: "version", table: "concern_actions", type: t.Int, nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "manager_chain", table: "staff", type: t.VarChar(LineManagementChain.MaxStoredLength),
            maxLength: LineManagementChain.MaxStoredLength, nullable: true);
        migrationBuilder.AddColumn<string>(name: "raised_by_staff_ref", table: "concerns", type: t.VarChar(32), maxLength: 32, nullable: true);
        migrationBuilder.AddColumn<string>(name: "subject_chain_at_raising", table: "concerns", type: t.VarChar(LineManagementChain.MaxStoredLength),
            maxLength: LineManagementChain.MaxStoredLength, nullable: true);
        migrationBuilder.AddColumn<string>(name: "raiser_chain_at_raising", table: "concerns", type: t.VarChar(LineManagementChain.MaxStoredLength),
            maxLength: LineManagementChain.MaxStoredLength, nullable: true);
        // Concerns raised before this migration: the raiser's person is their account's staff link. Their
        // chains at raising were never recorded, so for them only today's chains can be checked.
        migrationBuilder.Sql("UPDATE concerns SET raised_by_staff_ref = (SELECT u.staff_ref FROM app_users u WHERE u.user_id = concerns.raised_by_user_id);");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "raiser_chain_at_raising", table: "concerns");
        migrationBuilder.DropColumn(name: "subject_chain_at_raising", table: "concerns");
        migrationBuilder.DropColumn(name: "raised_by_staff_ref", table: "concerns");
        migrationBuilder.DropColumn(name: "manager_chain", table: "staff");
        migrationBuilder.DropColumn(name: "version", table: "concern_actions");
    }
}
