using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_users",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    staff_ref = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    deactivated_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_app_users", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "case_data_keys",
                columns: table => new
                {
                    concern_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    wrapped_key = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    erased_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_data_keys", x => x.concern_id);
                });

            migrationBuilder.CreateTable(
                name: "concerns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    subject_staff_ref = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    raised_by_user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    summary = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    category = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    incident_date = table.Column<DateOnly>(type: "date", nullable: true),
                    opened_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    raised_by_staff_ref = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    subject_chain_at_raising = table.Column<string>(type: "nvarchar(1400)", maxLength: 1400, nullable: true),
                    raiser_chain_at_raising = table.Column<string>(type: "nvarchar(1400)", maxLength: 1400, nullable: true),
                    version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_concerns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "decision_log",
                columns: table => new
                {
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    leaf_version = table.Column<int>(type: "int", nullable: false, defaultValue: 1),
                    event_type = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    concern_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    workflow_instance_id = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    subject_staff_ref = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    definition_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    definition_version = table.Column<int>(type: "int", nullable: true),
                    activity_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    question = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    answer = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    rationale = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    informal_not_appropriate = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    actor_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    actor_role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    occurred_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    seal = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_log", x => x.entry_id);
                });

            migrationBuilder.CreateTable(
                name: "decision_log_tree_heads",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "bigint", nullable: false),
                    root_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    integrated_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_log_tree_heads", x => x.tree_size);
                });

            migrationBuilder.CreateTable(
                name: "headcount_snapshot_archive",
                columns: table => new
                {
                    snapshot_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    staff_ref = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ethnic_code = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    wres_group = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    band = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    staff_group = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    directorate = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_headcount_snapshot_archive", x => new { x.snapshot_id, x.staff_ref });
                });

            migrationBuilder.CreateTable(
                name: "headcount_snapshot_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    year = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    imported_by = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    source_name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    row_count = table.Column<int>(type: "int", nullable: false),
                    white = table.Column<int>(type: "int", nullable: false),
                    bme = table.Column<int>(type: "int", nullable: false),
                    not_stated = table.Column<int>(type: "int", nullable: false),
                    replaced_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_headcount_snapshot_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "headcount_snapshots",
                columns: table => new
                {
                    year = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    staff_ref = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ethnic_code = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    wres_group = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    band = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    staff_group = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    directorate = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_headcount_snapshots", x => new { x.year, x.staff_ref });
                });

            migrationBuilder.CreateTable(
                name: "staff",
                columns: table => new
                {
                    staff_ref = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ethnic_code = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    wres_group = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    band = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    staff_group = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    directorate = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    line_manager_ref = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    manager_chain = table.Column<string>(type: "nvarchar(1400)", maxLength: 1400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff", x => x.staff_ref);
                });

            migrationBuilder.CreateTable(
                name: "workflow_instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    correlation_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    definition_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    definition_version = table.Column<int>(type: "int", nullable: false),
                    definition_sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    variables_json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wres_history",
                columns: table => new
                {
                    year = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    wres_group = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    entering = table.Column<int>(type: "int", nullable: false),
                    headcount = table.Column<int>(type: "int", nullable: false),
                    source_name = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    imported_by = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wres_history", x => new { x.year, x.wres_group });
                });

            migrationBuilder.CreateTable(
                name: "concern_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    concern_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ordinal = table.Column<int>(type: "int", nullable: false),
                    description = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    workflow_instance_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    stage = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: true),
                    route = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    formal_investigation_started_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    informal_attempts = table.Column<int>(type: "int", nullable: false),
                    version = table.Column<int>(type: "int", nullable: false, defaultValue: 0),
                    informal_agreed_actions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    informal_review_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_concern_actions", x => x.id);
                    table.ForeignKey(
                        name: "FK_concern_actions_concerns_concern_id",
                        column: x => x.concern_id,
                        principalTable: "concerns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_log_leaves",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    leaf_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    integrated_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_log_leaves", x => x.sequence);
                    table.ForeignKey(
                        name: "FK_decision_log_leaves_decision_log_entry_id",
                        column: x => x.entry_id,
                        principalTable: "decision_log",
                        principalColumn: "entry_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_log_queue",
                columns: table => new
                {
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    transaction_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_log_queue", x => x.position);
                    table.ForeignKey(
                        name: "FK_decision_log_queue_decision_log_entry_id",
                        column: x => x.entry_id,
                        principalTable: "decision_log",
                        principalColumn: "entry_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bookmarks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    workflow_instance_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    correlation_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    activity_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    completed_at_utc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    completed_by = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookmarks", x => x.id);
                    table.ForeignKey(
                        name: "FK_bookmarks_workflow_instances_workflow_instance_id",
                        column: x => x.workflow_instance_id,
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "checklist_drafts",
                columns: table => new
                {
                    workflow_instance_id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    definition_id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    definition_version = table.Column<int>(type: "int", nullable: false),
                    definition_sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    answers_json = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    current_question = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    saved_at_utc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checklist_drafts", x => new { x.workflow_instance_id, x.user_id });
                    table.ForeignKey(
                        name: "FK_checklist_drafts_workflow_instances_workflow_instance_id",
                        column: x => x.workflow_instance_id,
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_app_users_staff_ref",
                table: "app_users",
                column: "staff_ref");

            migrationBuilder.CreateIndex(
                name: "IX_bookmarks_correlation_id",
                table: "bookmarks",
                column: "correlation_id");

            migrationBuilder.CreateIndex(
                name: "IX_bookmarks_role",
                table: "bookmarks",
                column: "role");

            migrationBuilder.CreateIndex(
                name: "IX_bookmarks_workflow_instance_id",
                table: "bookmarks",
                column: "workflow_instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_concern_actions_concern_id_ordinal",
                table: "concern_actions",
                columns: new[] { "concern_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_concern_actions_workflow_instance_id",
                table: "concern_actions",
                column: "workflow_instance_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_concerns_raised_by_user_id",
                table: "concerns",
                column: "raised_by_user_id");

            migrationBuilder.CreateIndex(
                name: "IX_concerns_status",
                table: "concerns",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_concerns_subject_staff_ref",
                table: "concerns",
                column: "subject_staff_ref");

            migrationBuilder.CreateIndex(
                name: "IX_decision_log_concern_id",
                table: "decision_log",
                column: "concern_id");

            migrationBuilder.CreateIndex(
                name: "IX_decision_log_event_type_occurred_at_utc",
                table: "decision_log",
                columns: new[] { "event_type", "occurred_at_utc" });

            migrationBuilder.CreateIndex(
                name: "IX_decision_log_leaves_entry_id",
                table: "decision_log_leaves",
                column: "entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decision_log_queue_entry_id",
                table: "decision_log_queue",
                column: "entry_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_headcount_snapshot_history_year",
                table: "headcount_snapshot_history",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "IX_staff_line_manager_ref",
                table: "staff",
                column: "line_manager_ref");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_instances_correlation_id",
                table: "workflow_instances",
                column: "correlation_id");

            // Added by hand: the server guards the decision log whoever connects (SqlServerLogProtection).
            foreach (var statement in SqlServerLogProtection.Statements)
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Added by hand: the schema-bound views hold their tables; the triggers go with their tables.
            foreach (var table in (string[])["decision_log_leaves", "decision_log_tree_heads", "case_data_keys"])
            {
                migrationBuilder.Sql($"DROP VIEW dbo.{SqlServerLogProtection.TruncateGuard(table)};");
            }

            migrationBuilder.DropTable(
                name: "app_users");

            migrationBuilder.DropTable(
                name: "bookmarks");

            migrationBuilder.DropTable(
                name: "case_data_keys");

            migrationBuilder.DropTable(
                name: "checklist_drafts");

            migrationBuilder.DropTable(
                name: "concern_actions");

            migrationBuilder.DropTable(
                name: "decision_log_leaves");

            migrationBuilder.DropTable(
                name: "decision_log_queue");

            migrationBuilder.DropTable(
                name: "decision_log_tree_heads");

            migrationBuilder.DropTable(
                name: "headcount_snapshot_archive");

            migrationBuilder.DropTable(
                name: "headcount_snapshot_history");

            migrationBuilder.DropTable(
                name: "headcount_snapshots");

            migrationBuilder.DropTable(
                name: "staff");

            migrationBuilder.DropTable(
                name: "wres_history");

            migrationBuilder.DropTable(
                name: "workflow_instances");

            migrationBuilder.DropTable(
                name: "concerns");

            migrationBuilder.DropTable(
                name: "decision_log");
        }
    }
}
