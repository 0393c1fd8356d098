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
        var limit = new Option<int?>("--limit") { Description = $"Tasks per page (1-{ListTasksHandler.MaxPageSize}, default {ListTasksHandler.DefaultPageSize}; with --concern, all of that concern's unless given)" };
        var after = new Option<string?>("--after") { Description = "The next page: the cursor printed after the page before" };
        var format = CliOptions.Format();
        var list = new Command("list", "List pending tasks, oldest first, a page at a time") { concern, forUser, limit, after, format };
        list.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var handler = cli.Get<ListTasksHandler>();
            var query = new ListTasksQuery(cli.Value(concern), cli.Value(forUser));
            IReadOnlyList<TaskView> tasks;
            string? next = null;
            if (query.ConcernId is not null && cli.Value(limit) is null && cli.Value(after) is null)
            {
                tasks = await handler.HandleAsync(query, ct);
            }
            else
            {
                var page = await handler.HandlePageAsync(query, cli.Value(after), cli.Value(limit), ct);
                (tasks, next) = (page.Tasks, page.Next);
            }

            if (next is not null)
            {
                // On the error stream so --format json stays one JSON document.
                await cli.Error.WriteLineAsync($"More tasks: task list --after {next}");
            }

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
