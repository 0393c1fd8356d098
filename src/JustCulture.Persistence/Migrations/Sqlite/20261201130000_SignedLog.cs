using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Sqlite;

[DbContext(typeof(SqliteJustCultureDbContext))]
[Migration("20261201130000_SignedLog")]
public sealed class SignedLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        SignedLogSchema.Up(migrationBuilder, ColumnTypes.Sqlite, column => column.Annotation("Sqlite:Autoincrement", true),
            "DROP TRIGGER IF EXISTS decision_log_no_update; DROP TRIGGER IF EXISTS decision_log_no_delete;", renameOldPrimaryKey: null);

        // The file refuses edits to entries, leaves and tree heads, queues every entry it is given, and takes
        // leaves and heads only in order. Someone who edits the file directly gets past these; the seals and
        // the signed checkpoints outside the file still catch them.
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
    }

    /// <summary>The hash chain cannot be rebuilt from sealed entries without rewriting history; there is no way back.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The signed decision log cannot be turned back into the old hash chain.");
}
