using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Sqlite
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
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    staff_ref = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    deactivated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_app_users", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "case_data_keys",
                columns: table => new
                {
                    concern_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    wrapped_key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    erased_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_data_keys", x => x.concern_id);
                });

            migrationBuilder.CreateTable(
                name: "concerns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject_staff_ref = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    raised_by_user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    incident_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    opened_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    raised_by_staff_ref = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    subject_chain_at_raising = table.Column<string>(type: "TEXT", maxLength: 1400, nullable: true),
                    raiser_chain_at_raising = table.Column<string>(type: "TEXT", maxLength: 1400, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_concerns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "decision_log",
                columns: table => new
                {
                    entry_id = table.Column<long>(type: "INTEGER", nullable: false),
                    leaf_version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 1),
                    event_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    concern_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    workflow_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    subject_staff_ref = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    definition_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    definition_version = table.Column<int>(type: "INTEGER", nullable: true),
                    activity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    question = table.Column<string>(type: "TEXT", nullable: true),
                    answer = table.Column<string>(type: "TEXT", nullable: true),
                    rationale = table.Column<string>(type: "TEXT", nullable: true),
                    informal_not_appropriate = table.Column<string>(type: "TEXT", nullable: true),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    actor_role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    occurred_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    seal = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_log", x => x.entry_id);
                });

            migrationBuilder.CreateTable(
                name: "decision_log_tree_heads",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "INTEGER", nullable: false),
                    root_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    integrated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_log_tree_heads", x => x.tree_size);
                });

            migrationBuilder.CreateTable(
                name: "headcount_snapshot_archive",
                columns: table => new
                {
                    snapshot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    staff_ref = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ethnic_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    wres_group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    band = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    staff_group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    directorate = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_headcount_snapshot_archive", x => new { x.snapshot_id, x.staff_ref });
                });

            migrationBuilder.CreateTable(
                name: "headcount_snapshot_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    row_count = table.Column<int>(type: "INTEGER", nullable: false),
                    white = table.Column<int>(type: "INTEGER", nullable: false),
                    bme = table.Column<int>(type: "INTEGER", nullable: false),
                    not_stated = table.Column<int>(type: "INTEGER", nullable: false),
                    replaced_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_headcount_snapshot_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "headcount_snapshots",
                columns: table => new
                {
                    year = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    staff_ref = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ethnic_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    wres_group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    band = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    staff_group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    directorate = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_headcount_snapshots", x => new { x.year, x.staff_ref });
                });

            migrationBuilder.CreateTable(
                name: "staff",
                columns: table => new
                {
                    staff_ref = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ethnic_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    wres_group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    band = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    staff_group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    directorate = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    line_manager_ref = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    manager_chain = table.Column<string>(type: "TEXT", maxLength: 1400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff", x => x.staff_ref);
                });

            migrationBuilder.CreateTable(
                name: "workflow_instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    correlation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    definition_version = table.Column<int>(type: "INTEGER", nullable: false),
                    definition_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    variables_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wres_history",
                columns: table => new
                {
                    year = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    wres_group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    entering = table.Column<int>(type: "INTEGER", nullable: false),
                    headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wres_history", x => new { x.year, x.wres_group });
                });

            migrationBuilder.CreateTable(
                name: "concern_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    concern_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    workflow_instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    route = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    formal_investigation_started_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    informal_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false, defaultValue: 0),
                    informal_agreed_actions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    informal_review_date = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    entry_id = table.Column<long>(type: "INTEGER", nullable: false),
                    leaf_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    integrated_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entry_id = table.Column<long>(type: "INTEGER", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    workflow_instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    correlation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    completed_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                    workflow_instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    definition_version = table.Column<int>(type: "INTEGER", nullable: false),
                    definition_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    answers_json = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    current_question = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    saved_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            // Added by hand (EF's way to add raw SQL to a generated migration): the file refuses edits to the
            // log's entries, leaves and tree heads, queues every entry it is given, takes leaves and heads only in
            // order, and lets a case's data key be erased but never replaced or deleted (docs/log-format.md).
            // Someone who edits the file directly gets past these; the seals and the signed checkpoints outside
            // the file still catch them. The same triggers, byte for byte, as the hand-written migrations made,
            // so a database they built is adopted unchanged.
            foreach (var table in (string[])["decision_log", "decision_log_leaves", "decision_log_tree_heads"])
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only: UPDATE refused'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
                    BEGIN SELECT RAISE(ABORT, '{table} is append-only: DELETE refused'); END;
                    """);
            }

            migrationBuilder.Sql("""
                CREATE TRIGGER decision_log_queue_no_update BEFORE UPDATE ON decision_log_queue
                BEGIN SELECT RAISE(ABORT, 'decision_log_queue: UPDATE refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER decision_log_enqueue AFTER INSERT ON decision_log
                BEGIN INSERT INTO decision_log_queue (entry_id) VALUES (NEW.entry_id); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER decision_log_leaves_in_order BEFORE INSERT ON decision_log_leaves
                WHEN NEW.sequence <> (SELECT COALESCE(MAX(sequence), 0) + 1 FROM decision_log_leaves)
                BEGIN SELECT RAISE(ABORT, 'decision_log_leaves: a leaf must take the next sequence'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER decision_log_tree_heads_match_leaves BEFORE INSERT ON decision_log_tree_heads
                WHEN NEW.tree_size <> (SELECT COALESCE(MAX(sequence), 0) FROM decision_log_leaves)
                  OR NEW.tree_size <= (SELECT COALESCE(MAX(tree_size), 0) FROM decision_log_tree_heads)
                BEGIN SELECT RAISE(ABORT, 'decision_log_tree_heads: a head must cover exactly the leaves, and grow'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER case_data_keys_erase_only BEFORE UPDATE ON case_data_keys
                WHEN NOT (OLD.wrapped_key IS NOT NULL AND NEW.wrapped_key IS NULL AND NEW.erased_at_utc IS NOT NULL AND NEW.concern_id = OLD.concern_id AND NEW.created_at_utc = OLD.created_at_utc)
                BEGIN SELECT RAISE(ABORT, 'case_data_keys: a key can only be erased (wrapped_key set to NULL, with erased_at_utc), never replaced or changed'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER case_data_keys_no_delete BEFORE DELETE ON case_data_keys
                BEGIN SELECT RAISE(ABORT, 'case_data_keys: a key row is never deleted (erasing keeps the record of the erasure)'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
