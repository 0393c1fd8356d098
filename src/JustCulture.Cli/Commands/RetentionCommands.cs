using System.CommandLine;
using System.Globalization;
using JustCulture.Application.Common;
using JustCulture.Application.Retention;
using JustCulture.Domain;

namespace JustCulture.Cli.Commands;

internal static class RetentionCommands
{
    public const string YearsVariable = "JUSTCULTURE_RETENTION_YEARS";

    public static Command Build() => new("retention", "Erase case records at the end of their retention period (the log keeps its shape; the personal data in it can no longer be read)")
    {
        BuildDue(), BuildRun(),
    };

    private static Option<string?> AsOf() => new("--as-of") { Description = "The date to judge by, YYYY-MM-DD (default: today, UK time)" };

    private static Command BuildDue()
    {
        var asOf = AsOf();
        var due = new Command("due", "List who is due for erasure: everyone whose cases are all finished (closed, or gone to a formal investigation), the last decision on them more than the period ago") { asOf };
        due.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var (date, period) = Inputs(cli, asOf);
            var people = await cli.Get<RetentionDueHandler>().HandleAsync(new RetentionDueQuery(date, period), ct);
            await cli.Out.WriteLineAsync($"Retention period: {period.Words} ({period.Source}). As of {UkDates.Date(date)}, {Count(people.Count)} due for erasure{(people.Count == 0 ? "." : ":")}");
            foreach (var person in people)
            {
                await cli.Out.WriteLineAsync($"  {person.StaffRef} {person.Name ?? "(no staff record)"}: {string.Join(", ", person.CaseReferences)}; last activity {UkDates.DateTime(person.LastActivityUtc)}; due since {UkDates.Date(person.DueSince)}");
            }

            return ExitCodes.Ok;
        }));
        return due;
    }

    private static Command BuildRun()
    {
        var asOf = AsOf();
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would be erased and write nothing" };
        var run = new Command("run", "Erase what is due, one transaction per person, and checkpoint the log") { asOf, dryRun };
        run.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var (date, period) = Inputs(cli, asOf);
            var result = await cli.Get<RunRetentionHandler>().HandleAsync(new RunRetentionCommand(date, period, Operator, cli.Value(dryRun)), ct);
            await cli.Out.WriteLineAsync(result.DryRun
                ? $"Dry run, nothing was written. Retention period: {period.Words} ({period.Source}). As of {UkDates.Date(date)}, {Count(result.Erasures.Count)} would be erased{(result.Erasures.Count == 0 ? "." : ":")}"
                : $"Retention period: {period.Words} ({period.Source}). As of {UkDates.Date(date)}, {Count(result.Erasures.Count)} erased{(result.Erasures.Count == 0 ? "." : ":")}");
            foreach (var erasure in result.Erasures)
            {
                var known = erasure.Pseudonym is null ? string.Empty : $"; now known as {erasure.Pseudonym}";
                await cli.Out.WriteLineAsync($"  {erasure.StaffRef}: {string.Join(", ", erasure.CaseReferences)} (due since {UkDates.Date(erasure.DueSince)}){known}");
                await cli.Out.WriteLineAsync($"    frozen groups: {(erasure.Groups.Count == 0 ? "none" : string.Join("; ", erasure.Groups.Select(FrozenGroupWords.Describe)))}");
            }

            foreach (var staffRef in result.MovedOn)
            {
                await cli.Out.WriteLineAsync($"  {staffRef}: no longer due when its turn came (a case moved on meanwhile); left as it is");
            }

            return ExitCodes.Ok;
        }));
        return run;
    }

    /// <summary>The command-line operator acts as an administrator: retention is an administrator's duty, and the
    /// erasure entries say who ran them.</summary>
    private static Application.Common.Actor Operator => new(CliActor.Operator.UserId, nameof(Domain.Users.Role.Administrator));

    private static (DateOnly AsOf, RetentionPeriod Period) Inputs(CliContext cli, Option<string?> asOf)
    {
        var period = Period(cli.Parse);
        if (cli.Value(asOf) is not { } text)
        {
            return (UkDates.UkDateOf(cli.Get<TimeProvider>().GetUtcNow().UtcDateTime), period);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, period)
            : throw UseCaseException.Invalid("--as-of", $"--as-of '{text}' is not a date; write YYYY-MM-DD.");
    }

    /// <summary>The option wins over the environment, which wins over the default; the period says which it was.</summary>
    internal static RetentionPeriod Period(ParseResult parse) =>
        parse.GetValue(CliOptions.RetentionYears) is { } option
            ? RetentionPeriod.Parse(option, "--retention-years")
            : Environment.GetEnvironmentVariable(YearsVariable) is { Length: > 0 } variable
                ? RetentionPeriod.Parse(variable, YearsVariable)
                : RetentionPeriod.Default;

    private static string Count(int people) => people == 1 ? "1 person" : string.Create(CultureInfo.InvariantCulture, $"{people} people");
}
