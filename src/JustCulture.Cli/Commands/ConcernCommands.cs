using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using JustCulture.Application.Concerns;
using JustCulture.Domain;

namespace JustCulture.Cli.Commands;

internal static class ConcernCommands
{
    public static Command Build() => new("concern", "Concerns about a member of staff") { BuildOpen(), BuildShow() };

    private static Command BuildOpen()
    {
        var subject = new Option<string>("--subject") { Description = "Staff ref of the person the concern is about", Required = true };
        var raisedBy = new Option<string>("--raised-by") { Description = "User id of the line manager raising it", Required = true };
        var summary = new Option<string>("--summary") { Description = "What happened", Required = true };
        var actions = new Option<string[]>("--action") { Description = "One action or omission (repeat for each; each gets its own checklist)", Required = true, Arity = ArgumentArity.OneOrMore };
        var category = new Option<string?>("--category") { Description = "Category (required): " + string.Join(", ", JustCulture.Domain.Concerns.ConcernCategories.All) };
        var incidentDate = new Option<string?>("--incident-date") { Description = "Date of the incident, YYYY-MM-DD, if known" };
        var open = new Command("open", "Open a concern; prints its id") { subject, raisedBy, summary, actions, category, incidentDate };
        open.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            DateOnly? date = null;
            if (cli.Value(incidentDate) is { } text)
            {
                date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new FormatException($"--incident-date '{text}' is not a date; write YYYY-MM-DD.");
            }

            var id = await cli.Get<OpenConcernHandler>().HandleAsync(
                new OpenConcernCommand(cli.Value(subject), cli.Value(raisedBy), cli.Value(summary), cli.Value(actions), cli.Value(category), date), ct);
            await cli.Out.WriteLineAsync(id.ToString());
            return ExitCodes.Ok;
        }));
        return open;
    }

    private static Command BuildShow()
    {
        var id = new Argument<Guid>("concernId");
        var format = CliOptions.Format();
        var show = new Command("show", "Show a concern and where each of its actions is") { id, format };
        show.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var concern = await cli.Get<GetConcernHandler>().HandleAsync(cli.Value(id), ct);
            if (cli.Value(format) == "json")
            {
                await cli.Out.WriteLineAsync(JsonSerializer.Serialize(concern, CliJson.Options));
                return ExitCodes.Ok;
            }

            await cli.Out.WriteLineAsync($"Concern {concern.Id} about {concern.SubjectStaffRef}, raised by {concern.RaisedByUserId} on {UkDates.DateTime(concern.OpenedAtUtc)}: {Vocabulary.Status(concern.Status)} (version {concern.Version})");
            foreach (var action in concern.Actions)
            {
                await cli.Out.WriteLineAsync($"  action {action.Ordinal}: {Vocabulary.Stage(action.Stage)}; outcome {Vocabulary.Outcome(action.Outcome)}; route {Vocabulary.Route(action.Route)}");
            }

            return ExitCodes.Ok;
        }));
        return show;
    }
}
