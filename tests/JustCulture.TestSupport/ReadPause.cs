using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JustCulture.TestSupport;

/// <summary>
/// Holds a step still right after its first query that reads <see cref="Table"/> (directly or by a join), so a test can commit a competing
/// step in between and prove that the held step notices — an interleaving a race test only hits by luck.
/// Fires once per arming.
/// </summary>
public sealed class ReadPause(string table) : DbCommandInterceptor
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _armed;

    public string Table { get; } = table;

    /// <summary>Completes when the held step has read the table and is waiting.</summary>
    public Task Reached => _reached.Task;

    public void Arm() => Interlocked.Exchange(ref _armed, 1);

    public void Release() => _released.TrySetResult();

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = command.CommandText.Replace("\"", string.Empty, StringComparison.Ordinal);
        if (text.Contains($" {Table} ", StringComparison.OrdinalIgnoreCase) && Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _reached.TrySetResult();
            // Bounded: a test that forgets to release fails instead of hanging the run.
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return await base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }
}
