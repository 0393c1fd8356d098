using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Hosting;

/// <summary>
/// Integrates committed decision-log entries into the tree and signs checkpoints, off the request path, every
/// <see cref="JustCultureWebOptions.SequencerIntervalMilliseconds"/>. Every web node may run one: passes that
/// race settle on the database's keys (docs/decisions/0008-a-log-no-insider-can-rewrite.md).
/// </summary>
internal sealed partial class SequencerService(IServiceScopeFactory scopes, DecisionLogSequencer sequencer, IOptions<JustCultureWebOptions> options,
    ILogger<SequencerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.SequencerIntervalMilliseconds));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
                var pass = await sequencer.IntegrateAsync(db, stoppingToken);
                if (pass.Refused.Count > 0)
                {
                    LogRefused(pass.Refused.Count);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database that is down for a moment must not stop the sequencer; the next tick tries again.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The sequencer refused {Count} queued decision-log entries that do not carry the application's seal; run log verify")]
    private partial void LogRefused(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sequencer pass failed; it will be retried")]
    private partial void LogFailed(Exception exception);
}
