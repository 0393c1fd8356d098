using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations;

/// <summary>
/// The first schema, written by hand with <see cref="MigrationBuilder"/> (the EF design-time package is not
/// available). Shared by the providers' Initial migrations, which differ only in store types and in their
/// own provider-specific protection of the decision log.
/// </summary>
internal static class InitialSchema
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static void Up(MigrationBuilder migrationBuilder, ColumnTypes t)
    {
        migrationBuilder.CreateTable(
            name: "app_users",
            columns: table => new
            {
                user_id = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                name = table.Column<string>(type: t.VarChar(200), maxLength: 200, nullable: false),
                role = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: false),
                staff_ref = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_app_users", x => x.user_id));

        migrationBuilder.CreateTable(
            name: "concerns",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                subject_staff_ref = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: false),
                raised_by_user_id = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                summary = table.Column<string>(type: t.Text, nullable: false),
                category = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                incident_date = table.Column<DateOnly>(type: t.Date, nullable: true),
                opened_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
                status = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: false),
                version = table.Column<int>(type: t.Int, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_concerns", x => x.id));

        migrationBuilder.CreateTable(
            name: "decision_log",
            columns: table => new
            {
                sequence = table.Column<long>(type: t.Long, nullable: false),
                event_type = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                concern_id = table.Column<Guid>(type: t.Guid, nullable: true),
                workflow_instance_id = table.Column<Guid>(type: t.Guid, nullable: true),
                subject_staff_ref = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: true),
                definition_id = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: true),
                definition_version = table.Column<int>(type: t.Int, nullable: true),
                activity_id = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: true),
                question = table.Column<string>(type: t.Text, nullable: true),
                answer = table.Column<string>(type: t.Text, nullable: true),
                rationale = table.Column<string>(type: t.Text, nullable: true),
                informal_not_appropriate = table.Column<string>(type: t.Text, nullable: true),
                actor_id = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                actor_role = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: false),
                occurred_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
                previous_hash = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                hash = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_decision_log", x => x.sequence));

        migrationBuilder.CreateTable(
            name: "decision_log_head",
            columns: table => new
            {
                id = table.Column<int>(type: t.Int, nullable: false),
                last_sequence = table.Column<long>(type: t.Long, nullable: false),
                last_hash = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_decision_log_head", x => x.id));

        migrationBuilder.CreateTable(
            name: "headcount_snapshots",
            columns: table => new
            {
                year = table.Column<string>(type: t.VarChar(7), maxLength: 7, nullable: false),
                staff_ref = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: false),
                ethnic_code = table.Column<string>(type: t.VarChar(8), maxLength: 8, nullable: false),
                wres_group = table.Column<string>(type: t.VarChar(16), maxLength: 16, nullable: false),
                band = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                staff_group = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                directorate = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                start_date = table.Column<DateOnly>(type: t.Date, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_headcount_snapshots", x => new { x.year, x.staff_ref }));

        migrationBuilder.CreateTable(
            name: "staff",
            columns: table => new
            {
                staff_ref = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: false),
                name = table.Column<string>(type: t.VarChar(200), maxLength: 200, nullable: false),
                ethnic_code = table.Column<string>(type: t.VarChar(8), maxLength: 8, nullable: false),
                wres_group = table.Column<string>(type: t.VarChar(16), maxLength: 16, nullable: false),
                band = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                staff_group = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                directorate = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                start_date = table.Column<DateOnly>(type: t.Date, nullable: false),
                line_manager_ref = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_staff", x => x.staff_ref));

        migrationBuilder.CreateTable(
            name: "workflow_instances",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                correlation_id = table.Column<Guid>(type: t.Guid, nullable: false),
                definition_id = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                definition_version = table.Column<int>(type: t.Int, nullable: false),
                definition_sha256 = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                status = table.Column<string>(type: t.VarChar(16), maxLength: 16, nullable: false),
                variables_json = table.Column<string>(type: t.Text, nullable: false),
                created_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
                updated_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
                version = table.Column<int>(type: t.Int, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_workflow_instances", x => x.id));

        migrationBuilder.CreateTable(
            name: "concern_actions",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                concern_id = table.Column<Guid>(type: t.Guid, nullable: false),
                ordinal = table.Column<int>(type: t.Int, nullable: false),
                description = table.Column<string>(type: t.Text, nullable: false),
                workflow_instance_id = table.Column<Guid>(type: t.Guid, nullable: false),
                stage = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: false),
                outcome = table.Column<string>(type: t.VarChar(1), maxLength: 1, nullable: true),
                route = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: true),
                formal_investigation_started_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: true),
                informal_attempts = table.Column<int>(type: t.Int, nullable: false),
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
            name: "bookmarks",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                workflow_instance_id = table.Column<Guid>(type: t.Guid, nullable: false),
                correlation_id = table.Column<Guid>(type: t.Guid, nullable: false),
                activity_id = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                role = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: false),
                created_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
                completed_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: true),
                completed_by = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: true),
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

        migrationBuilder.InsertData(
            table: "decision_log_head",
            columns: ["id", "last_hash", "last_sequence"],
            columnTypes: [t.Int, t.VarChar(64), t.Long],
            values: new object[] { 1, GenesisHash, 0L });

        migrationBuilder.CreateIndex("IX_app_users_staff_ref", "app_users", "staff_ref");
        migrationBuilder.CreateIndex("IX_bookmarks_correlation_id", "bookmarks", "correlation_id");
        migrationBuilder.CreateIndex("IX_bookmarks_role", "bookmarks", "role");
        migrationBuilder.CreateIndex("IX_bookmarks_workflow_instance_id", "bookmarks", "workflow_instance_id");
        migrationBuilder.CreateIndex("IX_concern_actions_concern_id_ordinal", "concern_actions", ["concern_id", "ordinal"], unique: true);
        migrationBuilder.CreateIndex("IX_concern_actions_workflow_instance_id", "concern_actions", "workflow_instance_id", unique: true);
        migrationBuilder.CreateIndex("IX_concerns_raised_by_user_id", "concerns", "raised_by_user_id");
        migrationBuilder.CreateIndex("IX_concerns_status", "concerns", "status");
        migrationBuilder.CreateIndex("IX_concerns_subject_staff_ref", "concerns", "subject_staff_ref");
        migrationBuilder.CreateIndex("IX_decision_log_concern_id", "decision_log", "concern_id");
        migrationBuilder.CreateIndex("IX_decision_log_event_type_occurred_at_utc", "decision_log", ["event_type", "occurred_at_utc"]);
        migrationBuilder.CreateIndex("IX_staff_line_manager_ref", "staff", "line_manager_ref");
        migrationBuilder.CreateIndex("IX_workflow_instances_correlation_id", "workflow_instances", "correlation_id");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "app_users", "bookmarks", "concern_actions", "decision_log", "decision_log_head", "headcount_snapshots", "staff", "workflow_instances", "concerns" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
