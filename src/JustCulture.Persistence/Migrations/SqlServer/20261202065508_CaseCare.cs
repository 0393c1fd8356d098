using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.SqlServer
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    concern_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ambassador = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    invited_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    invited_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    observations = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    observations_recorded_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    observations_recorded_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    version = table.Column<int>(type: "int", nullable: false)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    concern_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    token_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    wres_group = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    reporting_year_start = table.Column<int>(type: "int", nullable: false),
                    issued_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    issued_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    used = table.Column<bool>(type: "bit", nullable: false)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    wres_group = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    reporting_year_start = table.Column<int>(type: "int", nullable: false),
                    treated_fairly = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    listened_to = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    same_as_white_colleague = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fairness_survey_responses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wellbeing_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    concern_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    contact_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    occupational_health_offered = table.Column<bool>(type: "bit", nullable: false),
                    employee_assistance_offered = table.Column<bool>(type: "bit", nullable: false),
                    union_or_staff_network_offered = table.Column<bool>(type: "bit", nullable: false),
                    support_notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    next_check_in_due = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    version = table.Column<int>(type: "int", nullable: false)
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
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    wellbeing_record_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ordinal = table.Column<int>(type: "int", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    held_by = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    next_due = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
