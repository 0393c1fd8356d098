using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FormalOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "formal_proceedings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    concern_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action_ordinal = table.Column<int>(type: "integer", nullable: false),
                    investigation_started_on = table.Column<DateOnly>(type: "date", nullable: false),
                    finding = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    concluded_by_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hearing_date = table.Column<DateOnly>(type: "date", nullable: true),
                    hearing_panel = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    hearing_outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    hearing_outcome_detail = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    hearing_recorded_by_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    appeal_lodged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    appeal_outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    appeal_decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    appeal_recorded_by_user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_formal_proceedings", x => x.id);
                    table.ForeignKey(
                        name: "FK_formal_proceedings_concerns_concern_id",
                        column: x => x.concern_id,
                        principalTable: "concerns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_formal_proceedings_concern_id_action_ordinal",
                table: "formal_proceedings",
                columns: new[] { "concern_id", "action_ordinal" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "formal_proceedings");
        }
    }
}
