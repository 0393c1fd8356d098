using JustCulture.Application.Clocks;

namespace JustCulture.Web.Hosting;

/// <summary>
/// Sends the daily digest when <c>JustCulture:Digest:Enabled</c>: every minute each node asks whether today's is
/// due and unclaimed (<see cref="ScheduledDigestHandler"/>), so with several nodes it still goes once.
/// </summary>
internal sealed partial class ClockDigestService(IServiceScopeFactory scopes, DigestSchedule schedule, ILogger<ClockDigestService> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScheduledDigestHandler>().SendIfDueAsync(schedule, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // An SMTP server or database down for a while must not stop the schedule; the claim was released, so the next minute tries again.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The daily digest could not be sent; it will be tried again")]
    private partial void LogFailed(Exception exception);
}
