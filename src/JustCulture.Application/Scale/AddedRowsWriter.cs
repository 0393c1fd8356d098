using System.Data.Common;
using System.Text;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace JustCulture.Application.Scale;

/// <summary>
/// Writes the rows the context has tracked as added, as <c>SaveChanges</c> would but many rows per statement:
/// for the bulk seed, where SaveChanges' one statement per row is most of the cost. Columns, order of tables
/// (principals first) and every value's conversion and parameter come from the context's own model and type
/// mappings, so the rows are the ones SaveChanges would write. Only inserts: anything else tracked is refused.
/// </summary>
internal static class AddedRowsWriter
{
    /// <summary>Below PostgreSQL's and SQL Server's limits (65,535 and 2,100 parameters per statement).</summary>
    private const int MaxParameters = 2_000;

    private const int MaxRowsPerStatement = 200;

    public static async Task WriteAsync(JustCultureDbContext db, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries().ToList();
        if (tracked.Exists(e => e.State is not (EntityState.Added or EntityState.Unchanged)))
        {
            throw new InvalidOperationException("The bulk writer only inserts; a tracked row is modified or deleted.");
        }

        var added = tracked.Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk writer writes inside the caller's transaction.");
        // SQLite runs in-process: one prepared statement per table, re-bound per row, costs least. Elsewhere each
        // statement is a round trip, so many rows go in each.
        var oneStatementPerRow = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        foreach (var type in PrincipalsFirst(added.Keys))
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties().Where(p => p.GetColumnName(table) is not null)
                .Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping())).ToList();
            var rowsPerStatement = oneStatementPerRow ? 1 : Math.Max(1, Math.Min(MaxRowsPerStatement, MaxParameters / columns.Count));
            var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
            DbCommand? command = null;
            try
            {
                foreach (var chunk in added[type].Chunk(rowsPerStatement))
                {
                    if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                    {
                        if (command is not null)
                        {
                            await command.DisposeAsync();
                        }

                        command = Prepare(connection, transaction, sql, head, columns, chunk);
                    }
                    else
                    {
                        var n = 0;
                        foreach (var row in chunk)
                        {
                            foreach (var column in columns)
                            {
                                command.Parameters[n++].Value = column.ProviderValue(row) ?? DBNull.Value;
                            }
                        }
                    }

                    await command.ExecuteNonQueryAsync(ct);
                }
            }
            finally
            {
                if (command is not null)
                {
                    await command.DisposeAsync();
                }
            }
        }

        foreach (var entry in added.Values.SelectMany(e => e))
        {
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>A command for this many rows, its parameters made by the columns' own type mappings from the first rows.</summary>
    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, ISqlGenerationHelper sql, string head,
        List<Column> columns, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry[] rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(head);
        var n = 0;
        for (var row = 0; row < rows.Length; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = "p" + n++;
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, columns[c].ModelValue(rows[row]), columns[c].Property.IsNullable));
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        command.Prepare();
        return command;
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        /// <summary>The row's value; one left at its sentinel takes the column's default, as SaveChanges leaves it to the database.</summary>
        public object? ModelValue(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry row)
        {
            var value = row.Property(Property).CurrentValue;
            return Property.GetDefaultValue() is { } fallback && Equals(value, Property.Sentinel) ? fallback : value;
        }

        /// <summary>As the type mapping's parameter would carry it.</summary>
        public object? ProviderValue(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry row)
        {
            var value = ModelValue(row);
            return value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
        }
    }

    private static List<IEntityType> PrincipalsFirst(IEnumerable<IEntityType> types)
    {
        var pending = types.ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || !pending.Contains(fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException("The added rows' tables depend on one another in a cycle.");
            ordered.Add(ready);
            pending.Remove(ready);
        }

        return ordered;
    }
}
