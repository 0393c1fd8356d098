using JustCulture.Application.Workflows;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Hosting;

/// <summary>
/// Fires due durable workflow timers every <see cref="JustCultureWebOptions.TimerPollSeconds"/>. Every web node runs
/// one: a node claims each timer before firing it, so a timer fires once however many nodes look
/// (<see cref="FireDueTimersHandler"/>), and timers set before a restart are picked up after it.
/// </summary>
internal sealed partial class WorkflowTimerService(IServiceScopeFactory scopes, IOptions<JustCultureWebOptions> options,
    ILogger<WorkflowTimerService> logger) : BackgroundService
{
    /// <summary>This node's name on its claims, so an operator can see which node holds a timer.</summary>
    private static readonly string Node = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(options.Value.TimerPollSeconds, 1, 3600)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var round = await scope.ServiceProvider.GetRequiredService<FireDueTimersHandler>().HandleAsync(Node, cancellationToken: stoppingToken);
                if (round.Fired > 0 || round.Failed > 0)
                {
                    LogRound(round.Fired, round.Failed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database down for a moment must not stop the timers; a claim that was taken lapses and is retried.
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow timers: {Fired} fired, {Failed} failed and backed off")]
    private partial void LogRound(int fired, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A workflow timer pass failed; it will be retried")]
    private partial void LogFailed(Exception exception);
}
