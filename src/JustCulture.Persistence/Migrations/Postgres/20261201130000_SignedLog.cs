using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace JustCulture.Persistence.Migrations.Postgres;

[DbContext(typeof(PostgresJustCultureDbContext))]
[Migration("20261201130000_SignedLog")]
public sealed class SignedLog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        SignedLogSchema.Up(migrationBuilder, ColumnTypes.Postgres,
            column => column.Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            """
            DROP TRIGGER IF EXISTS decision_log_no_update_delete ON decision_log;
            DROP TRIGGER IF EXISTS decision_log_no_truncate ON decision_log;
            DROP TRIGGER IF EXISTS decision_log_head_no_delete ON decision_log_head;
            """,
            """ALTER TABLE decision_log_chained RENAME CONSTRAINT "PK_decision_log" TO "PK_decision_log_chained";""");

        // The server refuses, whoever connects, to change or remove entries, leaves or tree heads; it queues every
        // entry inserted, and takes leaves and heads only in order.
        foreach (var table in (string[])["decision_log", "decision_log_leaves", "decision_log_tree_heads"])
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON {table}
                FOR EACH ROW EXECUTE FUNCTION decision_log_refuse_change();
                CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION decision_log_refuse_change();
                """);
        }

        migrationBuilder.Sql("""
            CREATE TRIGGER decision_log_queue_no_update BEFORE UPDATE ON decision_log_queue
            FOR EACH ROW EXECUTE FUNCTION decision_log_refuse_change();

            CREATE FUNCTION decision_log_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO decision_log_queue (entry_id) VALUES (NEW.entry_id);
                RETURN NULL;
            END
            $$;
            CREATE TRIGGER decision_log_enqueue AFTER INSERT ON decision_log
            FOR EACH ROW EXECUTE FUNCTION decision_log_enqueue();

            CREATE FUNCTION decision_log_leaves_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.sequence <> (SELECT COALESCE(MAX(sequence), 0) + 1 FROM decision_log_leaves) THEN
                    RAISE EXCEPTION 'decision_log_leaves: a leaf must take the next sequence' USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END
            $$;
            CREATE TRIGGER decision_log_leaves_in_order BEFORE INSERT ON decision_log_leaves
            FOR EACH ROW EXECUTE FUNCTION decision_log_leaves_in_order();

            CREATE FUNCTION decision_log_tree_heads_match_leaves() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.tree_size <> (SELECT COALESCE(MAX(sequence), 0) FROM decision_log_leaves)
                   OR NEW.tree_size <= (SELECT COALESCE(MAX(tree_size), 0) FROM decision_log_tree_heads) THEN
                    RAISE EXCEPTION 'decision_log_tree_heads: a head must cover exactly the leaves, and grow' USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END
            $$;
            CREATE TRIGGER decision_log_tree_heads_match_leaves BEFORE INSERT ON decision_log_tree_heads
            FOR EACH ROW EXECUTE FUNCTION decision_log_tree_heads_match_leaves();
            """);
    }

    /// <summary>The hash chain cannot be rebuilt from sealed entries without rewriting history; there is no way back.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The signed decision log cannot be turned back into the old hash chain.");
}
