using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneUserPerStaffRef : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Added by hand: where two accounts share a staff ref, creating the unique index fails ("UNIQUE constraint
            // failed: app_users.staff_ref") and the migration's transaction leaves the file as it was. The app's
            // migrator names the staff refs and users before it starts (OneUserPerStaffRefCheck).
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
