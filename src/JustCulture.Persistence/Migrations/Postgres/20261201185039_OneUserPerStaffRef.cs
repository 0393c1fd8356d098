using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Postgres
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
            migrationBuilder.Sql("""
                DO $$
                DECLARE duplicates text;
                BEGIN
                    SELECT string_agg(format('staff ref %s is linked to users %s', staff_ref, users), '; ' ORDER BY staff_ref) INTO duplicates
                    FROM (SELECT staff_ref, string_agg(user_id, ', ' ORDER BY user_id) AS users
                          FROM app_users WHERE staff_ref IS NOT NULL GROUP BY staff_ref HAVING COUNT(*) > 1) AS shared;
                    IF duplicates IS NOT NULL THEN
                        RAISE EXCEPTION 'Each staff ref may belong to at most one user account, but %. Give each of those staff refs to one user only, then migrate again.', duplicates
                            USING ERRCODE = 'unique_violation';
                    END IF;
                END
                $$;
                """);

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
