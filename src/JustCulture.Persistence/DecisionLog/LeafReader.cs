using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
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


    private Task<(int Rows, LeafBatch Batch)> ReadPageAsync(long after, LeafBatch batch, Func<LeafBatch> rent, Func<LeafBatch, ValueTask> send,
        CancellationToken cancellationToken) =>
        _db.Database.GetDbConnection() is SqliteConnection sqlite
            ? new SqliteLeafPage(this, sqlite).ReadAsync(after, batch, rent, send, cancellationToken)
            : ReadDataReaderPageAsync(after, batch, rent, send, cancellationToken);

    private async Task<(int Rows, LeafBatch Batch)> ReadDataReaderPageAsync(long after, LeafBatch batch, Func<LeafBatch> rent, Func<LeafBatch, ValueTask> send,
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

    /// <summary>
    /// SQLite's page, read with the engine's own calls on the context's connection: text columns are copied as the
    /// UTF-8 the file holds straight into the leaf input, with no string made and encoded again per field. Values
    /// are taken as <see cref="SqliteDataReader"/> would take them (the same conversions and the same errors), so
    /// an entry encodes to the same bytes on either path.
    /// </summary>
    private readonly struct SqliteLeafPage(LeafReader owner, SqliteConnection connection)
    {
        private const int Busy = raw.SQLITE_BUSY;

        public async Task<(int Rows, LeafBatch Batch)> ReadAsync(long after, LeafBatch batch, Func<LeafBatch> rent, Func<LeafBatch, ValueTask> send,
            CancellationToken cancellationToken)
        {
            var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            Check(raw.sqlite3_prepare_v2(handle, owner._sql, out var statement), handle);
            try
            {
                Check(raw.sqlite3_bind_int64(statement, 1, after), handle);
                var rows = 0;
                var timeout = TimeSpan.FromSeconds(owner._db.Database.GetCommandTimeout() ?? connection.DefaultTimeout);
                var started = DateTime.UtcNow;
                int rc;
                // As SqliteCommand does: a first step that finds the file locked by a writer waits and tries again.
                while ((rc = raw.sqlite3_step(statement)) is Busy or raw.SQLITE_LOCKED && rows == 0 && DateTime.UtcNow - started < timeout)
                {
                    raw.sqlite3_reset(statement);
                    await Task.Delay(150, cancellationToken);
                }

                for (; rc == raw.SQLITE_ROW; rc = raw.sqlite3_step(statement))
                {
                    owner.Read(statement, batch);
                    rows++;
                    if (batch.IsFull)
                    {
                        await send(batch);
                        batch = rent();
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }

                if (rc != raw.SQLITE_DONE)
                {
                    Check(rc, handle);
                }

                return (rows, batch);
            }
            finally
            {
                statement.Dispose();
            }
        }

        private static void Check(int rc, sqlite3 handle) => SqliteException.ThrowExceptionForRC(rc, handle);
    }

    private void Read(sqlite3_stmt row, LeafBatch batch)
    {
        var i = batch.Count;
        batch.Sequence[i] = _lastSequence = raw.sqlite3_column_int64(row, 0);
        batch.EntryId[i] = raw.sqlite3_column_int64(row, 1);
        batch.StoredHashWellFormed[i] = raw.sqlite3_column_type(row, 2) != raw.SQLITE_NULL && LeafBatch.TryReadLowerHex(raw.sqlite3_column_blob(row, 2), batch.StoredHashOf(i));
        if (raw.sqlite3_column_type(row, 3) == raw.SQLITE_NULL)
        {
            batch.State[i] = LeafBatch.RowState.EntryMissing;
            batch.Commit(0);
            return;
        }

        var version = checked((int)raw.sqlite3_column_int64(row, 4));
        var isNullSeal = raw.sqlite3_column_type(row, 19) == raw.SQLITE_NULL;
        batch.SealIsNull[i] = isNullSeal;
        batch.SealWellFormed[i] = !isNullSeal && LeafBatch.TryReadLowerHex(raw.sqlite3_column_blob(row, 19), batch.SealOf(i));
        batch.LeafVersion[i] = version;
        if (!LeafEncoding.IsKnownVersion(version))
        {
            batch.State[i] = LeafBatch.RowState.UnknownVersion;
            batch.Commit(0);
            return;
        }

        // Text columns as stored, plus room for the fixed fields.
        var length = LeafEncoding.FixedInputLength;
        foreach (var column in (ReadOnlySpan<int>)[5, 8, 9, 11, 12, 13, 14, 15, 16, 17])
        {
            length += raw.sqlite3_column_bytes(row, column);
        }

        var writer = new LeafInputWriter(batch.ReserveInput(length), version);
        writer.Formatted<long>(raw.sqlite3_column_int64(row, 3), default);
        Utf8(ref writer, row, 5, required: true);
        writer.Formatted(SqliteGuid(row, 6), "D");
        writer.Formatted(SqliteGuid(row, 7), "D");
        Utf8(ref writer, row, 8);
        Utf8(ref writer, row, 9);
        writer.Formatted<int>(raw.sqlite3_column_type(row, 10) == raw.SQLITE_NULL ? null : checked((int)raw.sqlite3_column_int64(row, 10)), default);
        Utf8(ref writer, row, 11);
        Utf8(ref writer, row, 12);
        Utf8(ref writer, row, 13);
        Utf8(ref writer, row, 14);
        Utf8(ref writer, row, 15);
        Utf8(ref writer, row, 16, required: true);
        Utf8(ref writer, row, 17, required: true);
        writer.Timestamp(SqliteDateTime(row, 18));
        batch.State[i] = LeafBatch.RowState.Encoded;
        batch.Commit(writer.Length);
    }

    private static void Utf8(ref LeafInputWriter writer, sqlite3_stmt row, int column, bool required = false)
    {
        var type = raw.sqlite3_column_type(row, column);
        if (type == raw.SQLITE_NULL)
        {
            if (required)
            {
                // What SqliteDataReader.GetString says of a NULL where the entry has no null.
                throw new InvalidOperationException($"The data is NULL at ordinal {column}. This method can't be called on NULL values. Check using IsDBNull before calling.");
            }

            writer.Absent();
            return;
        }

        // The stored UTF-8 (a number in a text column reads as its text, as GetString gives it).
        writer.Utf8(raw.sqlite3_column_blob(row, column));
    }

    // SqliteDataReader.GetGuid: a 16-byte blob as the Guid's bytes, anything else as the Guid's text.
    private static Guid? SqliteGuid(sqlite3_stmt row, int column) => raw.sqlite3_column_type(row, column) switch
    {
        raw.SQLITE_NULL => null,
        raw.SQLITE_BLOB when raw.sqlite3_column_bytes(row, column) == 16 => new Guid(raw.sqlite3_column_blob(row, column)),
        _ => Guid.Parse(System.Text.Encoding.UTF8.GetString(raw.sqlite3_column_blob(row, column))),
    };

    // SqliteDataReader.GetDateTime: text as DateTime.Parse reads it (the form EF writes, "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    // parsed here without a string), a number as a Julian day.
    private static DateTime SqliteDateTime(sqlite3_stmt row, int column)
    {
        switch (raw.sqlite3_column_type(row, column))
        {
            case raw.SQLITE_TEXT:
                var text = raw.sqlite3_column_blob(row, column);
                return TryParseStoredTimestamp(text, out var parsed)
                    ? parsed
                    : DateTime.SpecifyKind(DateTime.Parse(System.Text.Encoding.UTF8.GetString(text), System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
            case raw.SQLITE_INTEGER or raw.SQLITE_FLOAT:
                return DateTime.SpecifyKind(DateTime.FromOADate(raw.sqlite3_column_double(row, column) - 2415018.5), DateTimeKind.Utc);
            default:
                throw new InvalidCastException($"The value at ordinal {column} is not a date and time.");
        }
    }

    private static bool TryParseStoredTimestamp(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        // yyyy-MM-dd HH:mm:ss, then optionally '.' and one to seven digits.
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        long fraction = 0;
        if (text.Length > 19)
        {
            var digits = text[20..];
            if (text[19] != '.' || digits.Length is 0 or > 7 || !Digits(digits, out var f))
            {
                return false;
            }

            fraction = f;
            for (var d = digits.Length; d < 7; d++)
            {
                fraction *= 10;
            }
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
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
