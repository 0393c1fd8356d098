using System.CommandLine;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using System.Text.Json;
using JustCulture.Application.Tasks;

namespace JustCulture.Cli.Commands;

internal static class TaskCommands
{
    public static Command Build() => new("task", "Human tasks: checklist questions, commissioning reviews, informal resolution") { BuildList(), BuildComplete() };

    private static Command BuildList()
    {
        var concern = new Option<Guid?>("--concern") { Description = "Only tasks of this concern" };
        var forUser = new Option<string?>("--for") { Description = "Only tasks this user may complete" };
        var format = CliOptions.Format();
        var list = new Command("list", "List pending tasks") { concern, forUser, format };
        list.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var tasks = await cli.Get<ListTasksHandler>().HandleAsync(new ListTasksQuery(cli.Value(concern), cli.Value(forUser)), ct);
            if (cli.Value(format) == "json")
            {
                var shaped = tasks.Select(t => new { t.TaskId, t.ConcernId, t.ActivityId, t.Role, t.Question, t.Answers, t.StepId, t.HelpText, t.ActionOrdinal, t.ActionVersion });
                await cli.Out.WriteLineAsync(JsonSerializer.Serialize(shaped, CliJson.Options));
                return ExitCodes.Ok;
            }

            if (tasks.Count == 0)
            {
                await cli.Out.WriteLineAsync("No pending tasks.");
            }

            foreach (var task in tasks)
            {
                await cli.Out.WriteLineAsync($"{task.TaskId}  concern {task.ConcernId} action {task.ActionOrdinal}  [{Vocabulary.Role(task.Role)}] {task.StepId}: {task.Question}  ({string.Join(" / ", task.Answers)})");
            }

            return ExitCodes.Ok;
        }));
        return list;
    }

    private static Command BuildComplete()
    {
        var taskId = new Argument<Guid>("taskId");
        var actor = new Option<string>("--as") { Description = "User id of the person answering", Required = true };
        var answer = new Option<string>("--answer") { Description = "One of the task's answers", Required = true };
        var rationale = new Option<string?>("--rationale") { Description = "Why (required for commissioning reviews and informal-resolution results)" };
        var notAppropriate = new Option<string?>("--informal-not-appropriate") { Description = "Why informal resolution is not appropriate (required for FormalInvestigation)" };
        var ifVersion = new Option<int?>("--if-version") { Description = "Refuse if the task's action has moved on from this version (task list shows it)" };
        var conflict = new Option<ConflictOfInterest?>("--conflict") { Description = "With a review decision: your conflict-of-interest declaration, none or declared" };
        var conflictDetails = new Option<string?>("--conflict-details") { Description = "With --conflict declared: the conflict and how it is mitigated" };
        var complete = new Command("complete", "Answer a task") { taskId, actor, answer, rationale, notAppropriate, ifVersion, conflict, conflictDetails };
        complete.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var result = await cli.Get<CompleteTaskHandler>().HandleAsync(new CompleteTaskCommand(
                cli.Value(taskId), cli.Value(actor), cli.Value(answer), cli.Value(rationale), cli.Value(notAppropriate), cli.Value(ifVersion),
                cli.Value(conflict), cli.Value(conflictDetails)), ct);
            await cli.Out.WriteLineAsync($"Recorded. Concern {result.ConcernId} is now: {Vocabulary.Status(result.ConcernStatus)} (action {result.ActionOrdinal}, version {result.ActionVersion}).");
            foreach (var next in result.NextTaskIds)
            {
                await cli.Out.WriteLineAsync($"Next task: {next}");
            }

            return ExitCodes.Ok;
        }));
        return complete;
    }
}
