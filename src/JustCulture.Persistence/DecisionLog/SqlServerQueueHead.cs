using System.Text.Json;
using JustCulture.Persistence.Migrations.SqlServer;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// The head of the queue on SQL Server, for <see cref="DecisionLogSequencer"/> (docs/decisions/0011-sql-server.md).
/// The queue's IDENTITY numbers a row when it is inserted, not when its transaction commits, so a row may be visible
/// while an earlier-numbered one is still uncommitted (always under READ_COMMITTED_SNAPSHOT). Every transaction that
/// queues an entry holds the <see cref="SqlServerLogProtection.QueueLock"/> application lock, shared, to its end (the
/// enqueue trigger takes it); the sequencer takes it exclusively before reading, so when it reads, every queued row
/// is committed or gone, and rows queued afterwards get later positions. Rows are grouped by the inserting
/// transaction (<c>CURRENT_TRANSACTION_ID()</c>, recorded by the trigger), as PostgreSQL's by <c>xmin</c>.
/// The lock is released as soon as the head is read: writers wait at most for that read.
/// </summary>
public static class SqlServerQueueHead
{
    /// <summary>How long the sequencer waits for in-flight writers (milliseconds) before leaving the pass to the next one.</summary>
    private const string LockTimeoutMilliseconds = "5000";

    /// <summary>
    /// The one batch a read runs, with <c>@refused</c> (a JSON array of entry ids) and <c>@limit</c>. The sequencer gives
    /// way in a deadlock (a writer waiting behind its lock request while holding what another writer needs): it loses
    /// nothing and retries on the next pass. No rows when the lock was not had in time.
    /// </summary>
    public const string Query = $"""
        SET DEADLOCK_PRIORITY LOW;
        DECLARE @locked int;
        EXEC @locked = sp_getapplock @Resource = N'{SqlServerLogProtection.QueueLock}', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = {LockTimeoutMilliseconds};
        SET DEADLOCK_PRIORITY NORMAL;
        IF @locked < 0 RETURN;
        WITH refused AS (SELECT CAST([value] AS bigint) AS entry_id FROM OPENJSON(@refused)),
        head AS (
            SELECT TOP (@limit) {SqlServerJustCultureDbContext.QueueTransactionColumn} AS txn FROM decision_log_queue
            WHERE entry_id NOT IN (SELECT entry_id FROM refused) ORDER BY position)
        SELECT q.position, q.entry_id, q.{SqlServerJustCultureDbContext.QueueTransactionColumn}, (SELECT COUNT(*) FROM head)
        FROM decision_log_queue q
        WHERE q.entry_id NOT IN (SELECT entry_id FROM refused)
          AND q.{SqlServerJustCultureDbContext.QueueTransactionColumn} IN (SELECT txn FROM head);
        """;

    private const int DeadlockVictim = 1205;

    /// <returns>The rows of the transactions at the head of the queue, and how many rows the head held (the batch is full when that is the limit).</returns>
    internal static async Task<(List<(long Position, long EntryId, string Transaction)> Rows, int HeadCount)> ReadAsync(
        JustCultureDbContext db, IReadOnlyCollection<long> refused, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<(long, long, string)>();
        var headCount = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = Query;
            command.Parameters.Add(new SqlParameter("@refused", System.Data.SqlDbType.NVarChar, -1) { Value = JsonSerializer.Serialize(refused) });
            command.Parameters.Add(new SqlParameter("@limit", System.Data.SqlDbType.Int) { Value = limit });
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    headCount = reader.GetInt32(3);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (SqlException ex) when (ex.Number == DeadlockVictim)
        {
            // Rolled back by the server already; the next pass reads again.
            return ([], 0);
        }

        return (rows, headCount);
    }
}
