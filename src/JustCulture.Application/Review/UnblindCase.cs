using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Review;

public sealed record UnblindCaseCommand(Guid ConcernId, string ReviewerUserId, string? Reason);

/// <summary>
/// Shows a reviewer the name and ethnicity of the person concerned, for one case. A deliberate act: it
/// needs a reason and is written to the decision log, which is then what lets the case page show them.
/// The case itself does not change, so an open decision form stays current.
/// </summary>
public sealed class UnblindCaseHandler(JustCultureDbContext db, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public async Task HandleAsync(UnblindCaseCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw UseCaseException.Invalid("Give a reason for seeing the name and ethnicity of the person concerned.");
        }

        if (command.Reason.Trim().Length > MaxReasonLength)
        {
            throw UseCaseException.Invalid($"The reason must be {MaxReasonLength} characters or fewer.");
        }

        var reviewer = await ReviewAccess.ReviewerAsync(db, command.ReviewerUserId, cancellationToken);
        var concern = await db.Concerns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.ConcernId, cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown concern {command.ConcernId}.");
        var subject = await db.Staff.AsNoTracking().SingleAsync(s => s.StaffRef == concern.SubjectStaffRef, cancellationToken);
        ReviewAccess.EnsureIndependent(concern, reviewer, subject);

        await StepTransaction.RunAsync(db, async ct =>
        {
            await DecisionLogStore.AppendAsync(db, [new DecisionLogEntry
            {
                EventType = LogEventTypes.CaseUnblinded,
                ConcernId = concern.Id,
                SubjectStaffRef = concern.SubjectStaffRef,
                Question = "Show the name and ethnicity of the person concerned",
                Answer = "Unblinded",
                Rationale = command.Reason.Trim(),
                ActorId = reviewer.UserId,
                ActorRole = reviewer.Role.ToString(),
                OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            }], ct);
        }, cancellationToken);
    }
}
