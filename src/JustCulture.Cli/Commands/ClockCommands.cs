using System.CommandLine;
using System.Text.Json;
using JustCulture.Application.Clocks;

namespace JustCulture.Cli.Commands;

internal static class ClockCommands
{
    public static Command Build() => new("clocks", "Stage clocks: what is due and overdue, by working-day target") { BuildDue() };

    private static Command BuildDue()
    {
        var forUser = new Option<string>("--for") { Description = "The user whose due list this is (as the digest would send it)", Required = true };
        var format = CliOptions.Format();
        var due = new Command("due", "A user's due and overdue work, overdue first: case references, stages and dates only") { forUser, format };
        due.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var list = await cli.Get<DueForMeHandler>().HandleAsync(cli.Value(forUser), ct);
            if (cli.Value(format) == "json")
            {
                var shaped = new
                {
                    list.TodayUk,
                    list.OverdueCount,
                    Items = list.Items.Select(i => new { i.Kind, i.ConcernId, i.CaseReference, i.ActionOrdinal, i.Stage, i.DueOn, i.WorkingDaysLeft, i.IsOverdue, i.DelayReasonNeeded, i.Delay, i.Words }),
                };
                await cli.Out.WriteLineAsync(JsonSerializer.Serialize(shaped, CliJson.Options));
                return ExitCodes.Ok;
            }

            if (list.Items.Count == 0)
            {
                await cli.Out.WriteLineAsync("Nothing is due.");
                return ExitCodes.Ok;
            }

            await cli.Out.WriteLineAsync($"{list.OverdueCount} overdue, {list.Items.Count - list.OverdueCount} due (working days, UK time, {list.TodayUk:yyyy-MM-dd}):");
            foreach (var item in list.Items)
            {
                await cli.Out.WriteLineAsync($"{(item.IsOverdue ? "OVERDUE" : "due    ")}  {item.CaseReference}  {item.Words}");
            }

            return ExitCodes.Ok;
        }));
        return due;
    }
}
