namespace JustCulture.Persistence.Migrations.SqlServer;

/// <summary>
/// The T-SQL that makes SQL Server guard the decision log as the SQLite and PostgreSQL migrations do
/// (docs/decisions/0011-sql-server.md): whoever connects, entries, leaves and tree heads are never changed or
/// removed, queue rows never changed, case data keys only erased; every entry inserted is queued (with its
/// transaction); leaves and heads are taken only in order. SQL Server's TRUNCATE fires no trigger, so each table
/// that could be truncated is held by a small schema-bound indexed view (TRUNCATE refuses a table an indexed view
/// uses; <c>decision_log</c> itself is held by the foreign keys of the leaves and the queue).
/// CREATE TRIGGER and CREATE VIEW must each be alone in their batch, and EF's scripts put a migration in one
/// transaction without <c>GO</c> (and its idempotent scripts inside <c>IF</c> blocks): so each is run through
/// <c>EXEC</c>, which makes it a batch of its own in every way the migrations are applied or scripted.
/// </summary>
internal static class SqlServerLogProtection
{
    public const string EntriesNoUpdateDelete = "decision_log_no_update_delete";
    public const string LeavesNoUpdateDelete = "decision_log_leaves_no_update_delete";
    public const string TreeHeadsNoUpdateDelete = "decision_log_tree_heads_no_update_delete";
    public const string QueueNoUpdate = "decision_log_queue_no_update";
    public const string Enqueue = "decision_log_enqueue";
    public const string LeavesInOrder = "decision_log_leaves_in_order";
    public const string TreeHeadsMatchLeaves = "decision_log_tree_heads_match_leaves";
    public const string CaseDataKeysEraseOnly = "case_data_keys_erase_only";
    public const string CaseDataKeysNoDelete = "case_data_keys_no_delete";

    /// <summary>The application lock every transaction that queues an entry holds (shared) to its end; the
    /// sequencer takes it exclusively to know no earlier queue row is still uncommitted.</summary>
    public const string QueueLock = "decision_log_queue";

    /// <summary>Error numbers the triggers raise (user-defined errors start at 50000).</summary>
    public const int RefusedChangeError = 50001;
    public const int OutOfOrderError = 50002;
    public const int CaseDataKeyError = 50003;

    /// <summary>What the Baseline migration runs, in order: each protection statement as <c>EXEC(N'…')</c>.</summary>
    public static IReadOnlyList<string> Statements { get; } = Build().Select(Run).ToList();

    /// <summary>A statement run as a batch of its own (a SET is left as it is: through EXEC it would end with the EXEC).</summary>
    public static string Run(string statement) => statement.StartsWith("SET ", StringComparison.Ordinal)
        ? statement
        : $"EXEC(N'{statement.Replace("'", "''", StringComparison.Ordinal)}');";

    /// <summary>The one change a key row may take, as on SQLite and PostgreSQL: from a key to none, with the time, and nothing else about it changed.</summary>
    private const string IsErasure =
        "OLD.wrapped_key IS NOT NULL AND NEW.wrapped_key IS NULL AND NEW.erased_at_utc IS NOT NULL "
        + "AND NEW.concern_id = OLD.concern_id AND NEW.created_at_utc = OLD.created_at_utc";

    private const string RefusedKeyUpdate = "case_data_keys: a key can only be erased (wrapped_key set to NULL, with erased_at_utc), never replaced or changed";
    private const string RefusedKeyDelete = "case_data_keys: a key row is never deleted (erasing keeps the record of the erasure)";

    private static List<string> Build()
    {
        var statements = new List<string>();
        foreach (var (table, trigger) in (ReadOnlySpan<(string, string)>)[
            ("decision_log", EntriesNoUpdateDelete), ("decision_log_leaves", LeavesNoUpdateDelete), ("decision_log_tree_heads", TreeHeadsNoUpdateDelete)])
        {
            // INSTEAD OF: the change never happens. A statement that touches no row is let through, as a row trigger would be.
            statements.Add($"""
                CREATE TRIGGER {trigger} ON {table} INSTEAD OF UPDATE, DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF NOT EXISTS (SELECT 1 FROM deleted) RETURN;
                    IF EXISTS (SELECT 1 FROM inserted)
                    BEGIN
                        ;THROW {RefusedChangeError}, N'{table} is append-only: UPDATE refused', 1;
                    END;
                    THROW {RefusedChangeError}, N'{table} is append-only: DELETE refused', 1;
                END
                """);
        }

        statements.Add($"""
            CREATE TRIGGER {QueueNoUpdate} ON decision_log_queue INSTEAD OF UPDATE AS
            BEGIN
                SET NOCOUNT ON;
                IF NOT EXISTS (SELECT 1 FROM deleted) RETURN;
                THROW {RefusedChangeError}, N'decision_log_queue: UPDATE refused', 1;
            END
            """);

        // The shared lock is held to the end of the inserting transaction (see DecisionLogSequencer's SQL Server
        // queue reader); ORDER BY fixes the order the queue's identity numbers the entries in.
        statements.Add($"""
            CREATE TRIGGER {Enqueue} ON decision_log AFTER INSERT AS
            BEGIN
                SET NOCOUNT ON;
                IF NOT EXISTS (SELECT 1 FROM inserted) RETURN;
                DECLARE @locked int;
                EXEC @locked = sp_getapplock @Resource = N'{QueueLock}', @LockMode = N'Shared', @LockOwner = N'Transaction';
                IF @locked < 0
                BEGIN
                    ;THROW {OutOfOrderError}, N'decision_log: the queue lock could not be taken', 1;
                END;
                INSERT INTO decision_log_queue (entry_id, {SqlServerJustCultureDbContext.QueueTransactionColumn})
                SELECT entry_id, CURRENT_TRANSACTION_ID() FROM inserted ORDER BY entry_id;
            END
            """);

        // The leaves before this insert run 1..m; the inserted ones must run m+1..n, with nothing after them.
        statements.Add($"""
            CREATE TRIGGER {LeavesInOrder} ON decision_log_leaves AFTER INSERT AS
            BEGIN
                SET NOCOUNT ON;
                DECLARE @first bigint, @last bigint, @count bigint;
                SELECT @first = MIN(sequence), @last = MAX(sequence), @count = COUNT_BIG(*) FROM inserted;
                IF @count = 0 RETURN;
                IF @first <> 1 + COALESCE((SELECT MAX(sequence) FROM decision_log_leaves WHERE sequence < @first), 0)
                   OR @last - @first + 1 <> @count
                   OR @last <> (SELECT MAX(sequence) FROM decision_log_leaves)
                BEGIN
                    ;THROW {OutOfOrderError}, N'decision_log_leaves: a leaf must take the next sequence', 1;
                END;
            END
            """);

        statements.Add($"""
            CREATE TRIGGER {TreeHeadsMatchLeaves} ON decision_log_tree_heads AFTER INSERT AS
            BEGIN
                SET NOCOUNT ON;
                IF NOT EXISTS (SELECT 1 FROM inserted) RETURN;
                DECLARE @leaves bigint = COALESCE((SELECT MAX(sequence) FROM decision_log_leaves), 0);
                IF (SELECT COUNT_BIG(*) FROM inserted) <> 1
                   OR EXISTS (SELECT 1 FROM inserted WHERE tree_size <> @leaves)
                   OR EXISTS (SELECT 1 FROM decision_log_tree_heads h
                              WHERE h.tree_size >= @leaves AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.tree_size = h.tree_size))
                BEGIN
                    ;THROW {OutOfOrderError}, N'decision_log_tree_heads: a head must cover exactly the leaves, and grow', 1;
                END;
            END
            """);

        // A key is erased, never replaced (no one can swap in a key of their own and re-seal a case), and its row
        // stays as the record of the erasure. The count comparison also catches a changed concern_id.
        statements.Add($"""
            CREATE TRIGGER {CaseDataKeysEraseOnly} ON case_data_keys AFTER UPDATE AS
            BEGIN
                SET NOCOUNT ON;
                IF NOT EXISTS (SELECT 1 FROM deleted) RETURN;
                IF (SELECT COUNT_BIG(*) FROM deleted) <> (SELECT COUNT_BIG(*) FROM inserted AS NEW JOIN deleted AS OLD ON NEW.concern_id = OLD.concern_id)
                   OR EXISTS (SELECT 1 FROM inserted AS NEW JOIN deleted AS OLD ON NEW.concern_id = OLD.concern_id
                              WHERE NOT ({IsErasure}))
                BEGIN
                    ;THROW {CaseDataKeyError}, N'{RefusedKeyUpdate}', 1;
                END;
            END
            """);

        statements.Add($"""
            CREATE TRIGGER {CaseDataKeysNoDelete} ON case_data_keys INSTEAD OF DELETE AS
            BEGIN
                SET NOCOUNT ON;
                IF NOT EXISTS (SELECT 1 FROM deleted) RETURN;
                THROW {CaseDataKeyError}, N'{RefusedKeyDelete}', 1;
            END
            """);

        // Indexed views need these options when they are made (SqlClient sessions have them; sqlcmd needs -I).
        statements.Add("SET ANSI_NULLS ON; SET QUOTED_IDENTIFIER ON;");
        foreach (var (table, key) in (ReadOnlySpan<(string, string)>)[
            ("decision_log_leaves", "sequence"), ("decision_log_tree_heads", "tree_size"), ("case_data_keys", "concern_id")])
        {
            statements.Add($"CREATE VIEW dbo.{TruncateGuard(table)} WITH SCHEMABINDING AS SELECT {key} FROM dbo.{table};");
            statements.Add($"CREATE UNIQUE CLUSTERED INDEX IX_{TruncateGuard(table)} ON dbo.{TruncateGuard(table)} ({key});");
        }

        return statements;
    }

    /// <summary>The indexed view that keeps <paramref name="table"/> from being truncated.</summary>
    public static string TruncateGuard(string table) => table + "_no_truncate";
}
