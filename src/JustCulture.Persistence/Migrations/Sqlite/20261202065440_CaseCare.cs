using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ambassador_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    concern_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ambassador = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    invited_by_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    invited_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    observations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    observations_recorded_by_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    observations_recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ambassador_invitations", x => x.id);
                    table.ForeignKey(
                        name: "FK_ambassador_invitations_concerns_concern_id",
                        column: x => x.concern_id,
                        principalTable: "concerns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fairness_survey_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    concern_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    wres_group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reporting_year_start = table.Column<int>(type: "INTEGER", nullable: false),
                    issued_by_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    issued_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    used = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fairness_survey_invitations", x => x.id);
                    table.ForeignKey(
                        name: "FK_fairness_survey_invitations_concerns_concern_id",
                        column: x => x.concern_id,
                        principalTable: "concerns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fairness_survey_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    wres_group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reporting_year_start = table.Column<int>(type: "INTEGER", nullable: false),
                    treated_fairly = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    listened_to = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    same_as_white_colleague = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fairness_survey_responses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wellbeing_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    concern_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    contact_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    occupational_health_offered = table.Column<bool>(type: "INTEGER", nullable: false),
                    employee_assistance_offered = table.Column<bool>(type: "INTEGER", nullable: false),
                    union_or_staff_network_offered = table.Column<bool>(type: "INTEGER", nullable: false),
                    support_notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    next_check_in_due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wellbeing_records", x => x.id);
                    table.ForeignKey(
                        name: "FK_wellbeing_records_concerns_concern_id",
                        column: x => x.concern_id,
                        principalTable: "concerns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "wellbeing_check_ins",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    wellbeing_record_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    held_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    next_due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wellbeing_check_ins", x => x.id);
                    table.ForeignKey(
                        name: "FK_wellbeing_check_ins_wellbeing_records_wellbeing_record_id",
                        column: x => x.wellbeing_record_id,
                        principalTable: "wellbeing_records",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ambassador_invitations_concern_id",
                table: "ambassador_invitations",
                column: "concern_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fairness_survey_invitations_concern_id",
                table: "fairness_survey_invitations",
                column: "concern_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fairness_survey_invitations_token_hash",
                table: "fairness_survey_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fairness_survey_responses_reporting_year_start_wres_group",
                table: "fairness_survey_responses",
                columns: new[] { "reporting_year_start", "wres_group" });

            migrationBuilder.CreateIndex(
                name: "IX_wellbeing_check_ins_wellbeing_record_id_ordinal",
                table: "wellbeing_check_ins",
                columns: new[] { "wellbeing_record_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wellbeing_records_concern_id",
                table: "wellbeing_records",
                column: "concern_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ambassador_invitations");

            migrationBuilder.DropTable(
                name: "fairness_survey_invitations");

            migrationBuilder.DropTable(
                name: "fairness_survey_responses");

            migrationBuilder.DropTable(
                name: "wellbeing_check_ins");

            migrationBuilder.DropTable(
                name: "wellbeing_records");
        }
    }
}
