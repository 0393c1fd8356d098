using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OneUserPerStaffRef : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Added by hand: a database where two accounts share a staff ref stops here, naming them, before anything
            // changes (the whole migration is one transaction). The app's migrator says the same before it starts
            // (OneUserPerStaffRefCheck); this covers a script a DBA runs.
            migrationBuilder.Sql(SqlServerLogProtection.Run("""
                DECLARE @duplicates nvarchar(max) = (
                    SELECT STRING_AGG(CONCAT(N'staff ref ', staff_ref, N' is linked to users ', users), N'; ') WITHIN GROUP (ORDER BY staff_ref)
                    FROM (SELECT staff_ref, STRING_AGG(user_id, N', ') WITHIN GROUP (ORDER BY user_id) AS users
                          FROM app_users WHERE staff_ref IS NOT NULL GROUP BY staff_ref HAVING COUNT(*) > 1) AS shared);
                IF @duplicates IS NOT NULL
                BEGIN
                    DECLARE @message nvarchar(2048) = LEFT(CONCAT(N'Each staff ref may belong to at most one user account, but ', @duplicates,
                        N'. Give each of those staff refs to one user only, then migrate again.'), 2048);
                    THROW 50010, @message, 1;
                END;
                """));

            migrationBuilder.DropIndex(
                name: "IX_app_users_staff_ref",
                table: "app_users");

            migrationBuilder.CreateIndex(
                name: "IX_app_users_staff_ref",
                table: "app_users",
                column: "staff_ref",
                unique: true,
                filter: "staff_ref IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_app_users_staff_ref",
                table: "app_users");

            migrationBuilder.CreateIndex(
                name: "IX_app_users_staff_ref",
                table: "app_users",
                column: "staff_ref");
        }
    }
}
