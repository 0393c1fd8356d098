using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Review;

/// <param name="ExpectedVersion">The concern version the form was built from; a newer one is refused as stale.</param>
public sealed record RecordInformalPlanCommand(
    Guid ConcernId,
    int ActionOrdinal,
    string ReviewerUserId,
    string? AgreedActions,
    DateOnly? ReviewDate,
    int? ExpectedVersion = null);

/// <summary>
/// Records what was agreed for an informal resolution and when it will be reviewed: on the action and in
/// the decision log, in one transaction. The result (Resolved / NotResolved) is a separate workflow task.
/// </summary>
public sealed class RecordInformalPlanHandler(JustCultureDbContext db, TimeProvider clock)
{
    public async Task<int> HandleAsync(RecordInformalPlanCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(command.AgreedActions))
        {
            problems.Add(new(nameof(command.AgreedActions), "Enter the agreed actions."));
        }
        else if (command.AgreedActions.Trim().Length > ConcernAction.MaxAgreedActionsLength)
        {
            problems.Add(new(nameof(command.AgreedActions), $"The agreed actions must be {ConcernAction.MaxAgreedActionsLength} characters or fewer."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (command.ReviewDate is not { } reviewDate)
        {
            problems.Add(new(nameof(command.ReviewDate), "Enter a review date."));
        }
        else if (reviewDate <= today)
        {
            problems.Add(new(nameof(command.ReviewDate), "The review date must be in the future."));
        }

        if (problems.Count > 0)
        {
            throw UseCaseException.InvalidFields(problems);
        }

        return await StepTransaction.RunAsync(db, async ct =>
        {
            var reviewer = await ReviewAccess.ReviewerAsync(db, command.ReviewerUserId, ct);
            var concern = await db.Concerns.Include(c => c.Actions).SingleOrDefaultAsync(c => c.Id == command.ConcernId, ct)
                ?? throw UseCaseException.NotFound($"Unknown concern {command.ConcernId}.");
            if (command.ExpectedVersion is { } expected && expected != concern.Version)
            {
                throw UseCaseException.Conflict($"This case has moved on (version {concern.Version}, your page showed version {expected}). Reload it to see what changed.");
            }

            var subject = await db.Staff.AsNoTracking().SingleAsync(s => s.StaffRef == concern.SubjectStaffRef, ct);
            ReviewAccess.EnsureIndependent(concern, reviewer, subject);
            var action = concern.Actions.SingleOrDefault(a => a.Ordinal == command.ActionOrdinal)
                ?? throw UseCaseException.NotFound($"Concern {concern.Id} has no action {command.ActionOrdinal}.");
            action.RecordInformalPlan(command.AgreedActions!, command.ReviewDate!.Value, today);
            concern.Touch();
            await DecisionLogStore.AppendAsync(db, [new DecisionLogEntry
            {
                EventType = LogEventTypes.InformalResolutionPlanRecorded,
                ConcernId = concern.Id,
                WorkflowInstanceId = action.WorkflowInstanceId,
                SubjectStaffRef = concern.SubjectStaffRef,
                Question = "Informal resolution: agreed actions and review date",
                Answer = action.InformalReviewDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Rationale = action.InformalAgreedActions,
                ActorId = reviewer.UserId,
                ActorRole = reviewer.Role.ToString(),
                OccurredAtUtc = now,
            }], ct);
            return concern.Version;
        }, cancellationToken);
    }
}
