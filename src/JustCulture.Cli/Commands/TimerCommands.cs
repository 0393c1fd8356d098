using System.CommandLine;
using System.Globalization;
using JustCulture.Application.Workflows;

namespace JustCulture.Cli.Commands;

// `justculture timers list | fire`: the durable workflow timers (docs/domain/workflow-runtime.md, "Durable timers").
// The web app fires due timers by itself; `fire` is for an installation that runs only the CLI (from cron) and for
// an operator who wants them fired now.
internal static class TimerCommands
{
    public static Command Build() => new("timers", "Durable workflow timers (Elsa.Delay, Elsa.Timer, Elsa.Cron)") { BuildList(), BuildFire() };

    private static Command BuildList()
    {
        var list = new Command("list", "Timers still waiting, soonest first: due time, activity, failed attempts and the last failure");
        list.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var waiting = await cli.Get<FireDueTimersHandler>().WaitingAsync(cancellationToken: ct);
            if (waiting.Count == 0)
            {
                await cli.Out.WriteLineAsync("No timers waiting.");
            }

            foreach (var timer in waiting)
            {
                var failures = timer.Attempts == 0 ? string.Empty : $"  {timer.Attempts} failed: {timer.LastError}";
                await cli.Out.WriteLineAsync(
                    $"{timer.TimerId}  due {timer.DueAtUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC  concern {timer.ConcernId}  activity '{timer.ActivityId}'{failures}");
            }

            return ExitCodes.Ok;
        }));
        return list;
    }

    private static Command BuildFire()
    {
        var node = new Option<string>("--node") { Description = "The name recorded on this run's claims", DefaultValueFactory = _ => $"cli:{Environment.MachineName}" };
        var fire = new Command("fire", "Fire every timer that is due now, each as one step with its log entries; exit 1 when any firing failed") { node };
        fire.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var handler = cli.Get<FireDueTimersHandler>();
            TimerRound round;
            int fired = 0, failed = 0, skipped = 0;
            // Rounds of at most 50 until no due timer is left that this run could claim.
            do
            {
                round = await handler.HandleAsync(cli.Value(node), cancellationToken: ct);
                (fired, failed, skipped) = (fired + round.Fired, failed + round.Failed, skipped + round.Skipped);
            }
            while (round.Fired > 0);

            await cli.Out.WriteLineAsync($"Fired {fired}; failed {failed} (backed off, see timers list); {skipped} taken by another node.");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return fire;
    }
}
