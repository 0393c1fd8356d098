using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_bookmarks_open",
                table: "bookmarks",
                columns: new[] { "created_at_utc", "id" },
                filter: "completed_at_utc IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_bookmarks_open_role",
                table: "bookmarks",
                columns: new[] { "role", "created_at_utc", "id" },
                filter: "completed_at_utc IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bookmarks_open",
                table: "bookmarks");

            migrationBuilder.DropIndex(
                name: "IX_bookmarks_open_role",
                table: "bookmarks");
        }
    }
}
