using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Review;

/// <param name="ExpectedVersion">The action version the form was built from; a newer one is refused as stale.</param>
public sealed record RecordInformalPlanCommand(
    Guid ConcernId,
    int ActionOrdinal,
    string ReviewerUserId,
    string? AgreedActions,
    DateOnly? ReviewDate,
    int? ExpectedVersion = null);

/// <summary>
/// Records what was agreed for an informal resolution and when it will be reviewed: on the action and in
/// the decision log, through the case step. The result (Resolved / NotResolved) is a separate workflow task.
/// </summary>
public sealed class RecordInformalPlanHandler(CaseStep step, TimeProvider clock)
{
    /// <returns>The action's new version.</returns>
    public async Task<int> HandleAsync(RecordInformalPlanCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.AgreedActions), command.AgreedActions, "the agreed actions", ConcernAction.MaxAgreedActionsLength, required: true, multiline: true);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (command.ReviewDate is not { } reviewDate)
        {
            problems.Add(new(nameof(command.ReviewDate), "Enter a review date."));
        }
        else if (reviewDate <= today)
        {
            problems.Add(new(nameof(command.ReviewDate), "The review date must be in the future."));
        }

        InputRules.ThrowIfAny(problems);
        return await step.RunAsync(
            new CaseStepRequest(CaseTarget.Action(command.ConcernId, command.ActionOrdinal), command.ReviewerUserId, CaseAccess.Review, command.ExpectedVersion),
            onCase =>
            {
                var action = onCase.Action!;
                action.RecordInformalPlan(command.AgreedActions!, command.ReviewDate!.Value, DateOnly.FromDateTime(onCase.NowUtc));
                onCase.Log(LogEventTypes.InformalResolutionPlanRecorded, "Informal resolution: agreed actions and review date",
                    action.InformalReviewDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), action.InformalAgreedActions);
            },
            onCase => onCase.Action!.Version,
            cancellationToken);
    }
}
