using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Domain.Concerns;

namespace JustCulture.Application.Tasks;

/// <param name="ExpectedVersion">The version of the task's action the caller's form was built from (see
/// <see cref="TaskView.ActionVersion"/>); when given, a newer version is refused as stale.</param>
/// <param name="Conflict">The reviewer's conflict-of-interest declaration: required for a commissioning
/// manager's task (a route decision or an informal-resolution result), refused for any other.</param>
/// <param name="ConflictDetails">For a declared conflict: what it is and how it is mitigated.</param>
public sealed record CompleteTaskCommand(
    Guid TaskId,
    string ActorUserId,
    string Answer,
    string? Rationale = null,
    string? InformalNotAppropriate = null,
    int? ExpectedVersion = null,
    ConflictOfInterest? Conflict = null,
    string? ConflictDetails = null);

public sealed record CompleteTaskResult(Guid ConcernId, int ActionOrdinal, int ActionVersion, ConcernStatus ConcernStatus, IReadOnlyList<Guid> NextTaskIds);

/// <summary>
/// Answers one human task — a checklist question, a commissioning review or an informal-resolution
/// result — and runs the workflow on to its next task, through the case step.
/// </summary>
/// <param name="ambassadorGate">The cultural-ambassador rule; seeding, which runs with the rule off, leaves it out.</param>
public sealed class CompleteTaskHandler(CaseStep step, Ambassadors.AmbassadorGate? ambassadorGate = null)
{
    public async Task<CompleteTaskResult> HandleAsync(CompleteTaskCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.Answer), command.Answer, "the answer", 100, required: true, multiline: false);
        InputRules.Text(problems, nameof(command.Rationale), command.Rationale, "the rationale", ConcernAction.MaxRationaleLength, required: false, multiline: true);
        InputRules.Text(problems, nameof(command.InformalNotAppropriate), command.InformalNotAppropriate, "why informal resolution is not appropriate",
            ConcernAction.MaxRationaleLength, required: false, multiline: true);
        ConflictDeclaration.CheckShape(problems, command.Conflict, command.ConflictDetails);
        InputRules.ThrowIfAny(problems);

        // With cultural ambassadors on, a formal investigation on a case about a BME member of staff needs the
        // ambassador's observations first (docs/domain/process-safeguards.md, "Cultural ambassador").
        var ambassador = ambassadorGate is null ? null : await ambassadorGate.InvitationForTaskAsync(command.TaskId, cancellationToken);
        return await step.RunAsync(
            new CaseStepRequest(CaseTarget.Task(command.TaskId), command.ActorUserId, ExpectedVersion: command.ExpectedVersion),
            onCase =>
            {
                // The declaration is logged first, so the decision it accompanies follows it in the chain.
                ConflictDeclaration.Record(onCase, command.Conflict, Trimmed(command.ConflictDetails));
                onCase.Resume(command.TaskId, command.Answer.Trim(), Trimmed(command.Rationale), Trimmed(command.InformalNotAppropriate));
                ambassadorGate?.Check(onCase, ambassador);
            },
            onCase => new CompleteTaskResult(onCase.Concern.Id, onCase.Action!.Ordinal, onCase.Action.Version, onCase.Concern.Status,
                onCase.State.Bookmarks.Select(b => b.BookmarkId).ToList()),
            cancellationToken);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
