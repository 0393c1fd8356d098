using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JustCulture.TestSupport;

/// <summary>
/// Makes the database fail in the middle of a step: when armed, the first command that writes to
/// <see cref="Table"/> throws, after the step has already run its earlier statements in the transaction.
/// </summary>
public sealed class FaultInjector(string table) : DbCommandInterceptor
{
    public string Table { get; } = table;

    public bool Armed { get; set; }

    public int Fired { get; private set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = command.CommandText.Replace("\"", string.Empty, StringComparison.Ordinal);
        if (Armed && text.Contains($"INSERT INTO {Table} ", StringComparison.OrdinalIgnoreCase))
        {
            Fired++;
            throw new InvalidOperationException($"Injected failure while writing to {Table}.");
        }
    }
}
