using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations;

/// <summary>
/// Users are deactivated, never deleted (decisions and cases name them): when an administrator deactivated
/// them, null while they may sign in. Shared by the providers' UserLifecycle migrations.
/// </summary>
internal static class UserLifecycleSchema
{
    public static void Up(MigrationBuilder migrationBuilder, ColumnTypes t) =>
        migrationBuilder.AddColumn<DateTime>(name: "deactivated_at_utc", table: "app_users", type: t.DateTime, nullable: true);

    public static void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "deactivated_at_utc", table: "app_users");
}
