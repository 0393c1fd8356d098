using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// The verifier's read path (docs/log-format.md §5): leaves with their entries in sequence order, read through the
/// context's own connection with a plain data reader in keyset pages, each row's leaf input written straight
/// into a <see cref="LeafBatch"/> — no entity, change tracking or materialiser per row. The SQL is built from the
/// model's table and column names and the provider's quoting, so it is the same on every supported database
/// except how a page is limited.
/// </summary>
internal sealed class LeafReader
{
    /// <summary>Rows per query: enough that round trips do not count; few enough that stopping at a bad entry
    /// (a provider may read the rest of a result to close it) costs little.</summary>
    public const int PageSize = 8192;

    private readonly JustCultureDbContext _db;
    private readonly string _sql;
    private readonly string _parameter;

    // The reader fills this one entry per row, so the encoding stays LeafEncoding's and nothing is allocated per row for it.
    private readonly DecisionLogEntry _row = new();
    private long _lastSequence;

    public LeafReader(JustCultureDbContext db)
    {
        _db = db;
        var sql = db.GetService<ISqlGenerationHelper>();
        _parameter = sql.GenerateParameterName("after");
        var leaf = Table<DecisionLogLeaf>(db, sql);
        var entry = Table<DecisionLogEntry>(db, sql);
        string L(string property) => "l." + leaf.Column(property);
        string E(string property) => "e." + entry.Column(property);

        // Column order is the order Read takes them in (sequential access).
        var select = string.Join(", ",
            L(nameof(DecisionLogLeaf.Sequence)), L(nameof(DecisionLogLeaf.EntryId)), L(nameof(DecisionLogLeaf.LeafHash)),
            E(nameof(DecisionLogEntry.EntryId)), E(nameof(DecisionLogEntry.LeafVersion)), E(nameof(DecisionLogEntry.EventType)),
            E(nameof(DecisionLogEntry.ConcernId)), E(nameof(DecisionLogEntry.WorkflowInstanceId)), E(nameof(DecisionLogEntry.SubjectStaffRef)),
            E(nameof(DecisionLogEntry.DefinitionId)), E(nameof(DecisionLogEntry.DefinitionVersion)), E(nameof(DecisionLogEntry.ActivityId)),
            E(nameof(DecisionLogEntry.Question)), E(nameof(DecisionLogEntry.Answer)), E(nameof(DecisionLogEntry.Rationale)),
            E(nameof(DecisionLogEntry.InformalNotAppropriate)), E(nameof(DecisionLogEntry.ActorId)), E(nameof(DecisionLogEntry.ActorRole)),
            E(nameof(DecisionLogEntry.OccurredAtUtc)), E(nameof(DecisionLogEntry.Seal)));
        var sqlServer = db.Database.IsSqlServer();
        _sql = $"SELECT {(sqlServer ? $"TOP ({PageSize}) " : string.Empty)}{select} FROM {leaf.Name} l "
            + $"LEFT JOIN {entry.Name} e ON e.{entry.Column(nameof(DecisionLogEntry.EntryId))} = l.{leaf.Column(nameof(DecisionLogLeaf.EntryId))} "
            + $"WHERE l.{leaf.Column(nameof(DecisionLogLeaf.Sequence))} > {sql.GenerateParameterNamePlaceholder(_parameter)} "
            + $"ORDER BY l.{leaf.Column(nameof(DecisionLogLeaf.Sequence))}{(sqlServer ? string.Empty : $" LIMIT {PageSize}")}";
    }

    /// <summary>
    /// Reads every leaf after sequence <paramref name="after"/> into batches taken from <paramref name="rent"/>,
    /// handing each full one (and the last) to <paramref name="send"/>. The caller owns the connection's use until this returns.
    /// </summary>
    public async Task ReadAsync(long after, Func<LeafBatch> rent, Func<LeafBatch, ValueTask> send, CancellationToken cancellationToken)
    {
        await _db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var batch = rent();
            while (true)
            {
                var (rows, last) = await ReadPageAsync(after, batch, rent, send, cancellationToken);
                batch = last;
                if (rows < PageSize)
                {
                    break;
                }

                after = _lastSequence;
            }

            if (batch.Count > 0)
            {
                await send(batch);
            }
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }


    private async Task<(int Rows, LeafBatch Batch)> ReadPageAsync(long after, LeafBatch batch, Func<LeafBatch> rent, Func<LeafBatch, ValueTask> send,
        CancellationToken cancellationToken)
    {
        await using var command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = _sql;
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        if (_db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        var parameter = command.CreateParameter();
        parameter.ParameterName = _parameter;
        parameter.DbType = DbType.Int64;
        parameter.Value = after;
        command.Parameters.Add(parameter);

        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Read(reader, batch);
            rows++;
            if (batch.IsFull)
            {
                await send(batch);
                batch = rent();
            }
        }

        return (rows, batch);
    }

    // Columns strictly in order, each read once (what sequential access allows on every provider).
    private void Read(DbDataReader reader, LeafBatch batch)
    {
        var i = batch.Count;
        batch.Sequence[i] = _lastSequence = reader.GetInt64(0);
        batch.EntryId[i] = reader.GetInt64(1);
        batch.StoredHashWellFormed[i] = !reader.IsDBNull(2) && LeafBatch.TryReadLowerHex(reader.GetString(2), batch.StoredHashOf(i));
        if (reader.IsDBNull(3))
        {
            batch.State[i] = LeafBatch.RowState.EntryMissing;
            batch.Commit(0);
            return;
        }

        var entry = _row;
        entry.EntryId = reader.GetInt64(3);
        entry.LeafVersion = reader.GetInt32(4);
        entry.EventType = reader.GetString(5);
        entry.ConcernId = reader.IsDBNull(6) ? null : reader.GetGuid(6);
        entry.WorkflowInstanceId = reader.IsDBNull(7) ? null : reader.GetGuid(7);
        entry.SubjectStaffRef = Text(reader, 8);
        entry.DefinitionId = Text(reader, 9);
        entry.DefinitionVersion = reader.IsDBNull(10) ? null : reader.GetInt32(10);
        entry.ActivityId = Text(reader, 11);
        entry.Question = Text(reader, 12);
        entry.Answer = Text(reader, 13);
        entry.Rationale = Text(reader, 14);
        entry.InformalNotAppropriate = Text(reader, 15);
        entry.ActorId = reader.GetString(16);
        entry.ActorRole = reader.GetString(17);
        entry.OccurredAtUtc = DateTime.SpecifyKind(reader.GetDateTime(18), DateTimeKind.Utc);
        var seal = Text(reader, 19);
        batch.SealIsNull[i] = seal is null;
        batch.SealWellFormed[i] = seal is not null && LeafBatch.TryReadLowerHex(seal, batch.SealOf(i));
        batch.LeafVersion[i] = entry.LeafVersion;
        if (!LeafEncoding.IsKnownVersion(entry.LeafVersion))
        {
            batch.State[i] = LeafBatch.RowState.UnknownVersion;
            batch.Commit(0);
            return;
        }

        batch.State[i] = LeafBatch.RowState.Encoded;
        batch.Commit(LeafEncoding.WriteLeafInput(entry, batch.ReserveInput(LeafEncoding.MaxLeafInputLength(entry))));
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static MappedTable Table<T>(JustCultureDbContext db, ISqlGenerationHelper sql)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var name = type.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        return new MappedTable(type, StoreObjectIdentifier.Table(name, type.GetSchema()), sql);
    }

    private sealed record MappedTable(IEntityType Type, StoreObjectIdentifier Store, ISqlGenerationHelper Sql)
    {
        public string Name => Sql.DelimitIdentifier(Store.Name, Store.Schema);

        public string Column(string property) =>
            Sql.DelimitIdentifier(Type.FindProperty(property)?.GetColumnName(Store) ?? throw new InvalidOperationException($"{Type.DisplayName()}.{property} has no column."));
    }
}
