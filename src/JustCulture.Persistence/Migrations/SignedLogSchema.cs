using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace JustCulture.Persistence.Migrations;

/// <summary>
/// Turns the hash-chained log into a sealed, sequenced Merkle-tree log
/// (docs/decisions/0008-a-log-no-insider-can-rewrite.md): entries keep their content and take their old
/// sequence as their id; every existing entry is queued for the sequencer, which adopts them (unsealed) into
/// the tree before the first signed checkpoint. The single head row every writer locked is gone. Shared by
/// both providers' SignedLog migrations, which add their own protection of the new tables.
/// </summary>
internal static class SignedLogSchema
{
    /// <param name="autoIncrement">The provider's annotation for a database-numbered key (the queue's position).</param>
    /// <param name="dropOldProtection">SQL removing the old triggers, so the old table can be dropped.</param>
    /// <param name="renameOldPrimaryKey">SQL renaming the old table's primary key where names are schema-wide.</param>
    public static void Up(MigrationBuilder migrationBuilder, ColumnTypes t, Action<OperationBuilder<AddColumnOperation>> autoIncrement,
        string dropOldProtection, string? renameOldPrimaryKey)
    {
        migrationBuilder.Sql(dropOldProtection);
        migrationBuilder.DropIndex("IX_decision_log_concern_id", "decision_log");
        migrationBuilder.DropIndex("IX_decision_log_event_type_occurred_at_utc", "decision_log");
        migrationBuilder.RenameTable("decision_log", newName: "decision_log_chained");
        if (renameOldPrimaryKey is not null)
        {
            migrationBuilder.Sql(renameOldPrimaryKey);
        }

        migrationBuilder.CreateTable(
            name: "decision_log",
            columns: table => new
            {
                entry_id = table.Column<long>(type: t.Long, nullable: false),
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
                seal = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_decision_log", x => x.entry_id));

        const string columns = "event_type, concern_id, workflow_instance_id, subject_staff_ref, definition_id, definition_version, activity_id, "
            + "question, answer, rationale, informal_not_appropriate, actor_id, actor_role, occurred_at_utc";
        migrationBuilder.Sql($"INSERT INTO decision_log (entry_id, {columns}, seal) SELECT sequence, {columns}, NULL FROM decision_log_chained ORDER BY sequence;");

        migrationBuilder.CreateTable(
            name: "decision_log_queue",
            columns: table =>
            {
                var position = table.Column<long>(type: t.Long, nullable: false);
                autoIncrement(position);
                return new { position, entry_id = table.Column<long>(type: t.Long, nullable: false) };
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_decision_log_queue", x => x.position);
                table.ForeignKey("FK_decision_log_queue_decision_log_entry_id", x => x.entry_id, "decision_log", "entry_id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.Sql("INSERT INTO decision_log_queue (entry_id) SELECT entry_id FROM decision_log ORDER BY entry_id;");

        migrationBuilder.CreateTable(
            name: "decision_log_leaves",
            columns: table => new
            {
                sequence = table.Column<long>(type: t.Long, nullable: false),
                entry_id = table.Column<long>(type: t.Long, nullable: false),
                leaf_hash = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                integrated_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_decision_log_leaves", x => x.sequence);
                table.ForeignKey("FK_decision_log_leaves_decision_log_entry_id", x => x.entry_id, "decision_log", "entry_id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "decision_log_tree_heads",
            columns: table => new
            {
                tree_size = table.Column<long>(type: t.Long, nullable: false),
                root_hash = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                integrated_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_decision_log_tree_heads", x => x.tree_size));

        migrationBuilder.DropTable("decision_log_chained");
        migrationBuilder.DropTable("decision_log_head");

        migrationBuilder.CreateIndex("IX_decision_log_concern_id", "decision_log", "concern_id");
        migrationBuilder.CreateIndex("IX_decision_log_event_type_occurred_at_utc", "decision_log", ["event_type", "occurred_at_utc"]);
        migrationBuilder.CreateIndex("IX_decision_log_queue_entry_id", "decision_log_queue", "entry_id", unique: true);
        migrationBuilder.CreateIndex("IX_decision_log_leaves_entry_id", "decision_log_leaves", "entry_id", unique: true);
    }
}
