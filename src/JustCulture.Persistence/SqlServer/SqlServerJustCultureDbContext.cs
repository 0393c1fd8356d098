using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using JustCulture.Persistence.Migrations.SqlServer;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence;

/// <summary>
/// The SQL Server context (docs/decisions/0011-sql-server.md). The model is the shared one with two additions
/// only SQL Server needs, so the SQLite and PostgreSQL schemas are untouched:
/// <list type="bullet">
/// <item>the tables guarded by triggers say so, because EF Core otherwise reads generated values back with an
/// <c>OUTPUT</c> clause, which SQL Server refuses on a table with triggers;</item>
/// <item>the queue records the transaction that inserted each row (<c>CURRENT_TRANSACTION_ID()</c>, set by the
/// enqueue trigger), so the sequencer keeps one transaction's entries together, as PostgreSQL's <c>xmin</c> does.</item>
/// </list>
/// </summary>
public sealed class SqlServerJustCultureDbContext(DbContextOptions<SqlServerJustCultureDbContext> options) : JustCultureDbContext(options)
{
    /// <summary>The queue's column holding the inserting transaction's id (not a property of the shared model).</summary>
    public const string QueueTransactionColumn = "transaction_id";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<DecisionLogEntry>().ToTable(t =>
        {
            t.HasTrigger(SqlServerLogProtection.EntriesNoUpdateDelete);
            t.HasTrigger(SqlServerLogProtection.Enqueue);
        });
        modelBuilder.Entity<DecisionLogLeaf>().ToTable(t =>
        {
            t.HasTrigger(SqlServerLogProtection.LeavesNoUpdateDelete);
            t.HasTrigger(SqlServerLogProtection.LeavesInOrder);
        });
        modelBuilder.Entity<DecisionLogTreeHead>().ToTable(t =>
        {
            t.HasTrigger(SqlServerLogProtection.TreeHeadsNoUpdateDelete);
            t.HasTrigger(SqlServerLogProtection.TreeHeadsMatchLeaves);
        });
        modelBuilder.Entity<DecisionLogQueueItem>(queue =>
        {
            queue.ToTable(t => t.HasTrigger(SqlServerLogProtection.QueueNoUpdate));
            queue.Property<long>("TransactionId").HasColumnName(QueueTransactionColumn);
        });
        modelBuilder.Entity<CaseDataKeyRecord>().ToTable(t =>
        {
            t.HasTrigger(SqlServerLogProtection.CaseDataKeysEraseOnly);
            t.HasTrigger(SqlServerLogProtection.CaseDataKeysNoDelete);
        });
    }
}
