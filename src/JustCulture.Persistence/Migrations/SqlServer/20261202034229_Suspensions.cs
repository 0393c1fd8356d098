using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Suspensions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "suspensions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    concern_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    proposed_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    proposed_by_staff_ref = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    proposed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    approved_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    approved_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    review_date = table.Column<DateOnly>(type: "date", nullable: false),
                    reviews_held = table.Column<int>(type: "int", nullable: false),
                    pending_review_date = table.Column<DateOnly>(type: "date", nullable: true),
                    pending_rationale = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    pending_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    pending_by_staff_ref = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    pending_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ended_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ended_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    end_reason = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suspensions", x => x.id);
                    table.ForeignKey(
                        name: "FK_suspensions_concerns_concern_id",
                        column: x => x.concern_id,
                        principalTable: "concerns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "suspension_alternatives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    suspension_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ordinal = table.Column<int>(type: "int", nullable: false),
                    alternative = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    why_not = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suspension_alternatives", x => x.id);
                    table.ForeignKey(
                        name: "FK_suspension_alternatives_suspensions_suspension_id",
                        column: x => x.suspension_id,
                        principalTable: "suspensions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_suspension_alternatives_suspension_id_ordinal",
                table: "suspension_alternatives",
                columns: new[] { "suspension_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_suspensions_concern_id",
                table: "suspensions",
                column: "concern_id");

            migrationBuilder.CreateIndex(
                name: "IX_suspensions_status_review_date",
                table: "suspensions",
                columns: new[] { "status", "review_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suspension_alternatives");

            migrationBuilder.DropTable(
                name: "suspensions");
        }
    }
}
