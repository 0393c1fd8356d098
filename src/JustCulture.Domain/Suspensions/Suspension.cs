using JustCulture.Domain.Users;

namespace JustCulture.Domain.Suspensions;

/// <summary>
/// A suspension, exclusion or restriction of duties on a case: a last resort, proportionate, time-limited,
/// regularly reviewed and never decided by one person alone (docs/domain/process-safeguards.md, "Suspension").
/// A commissioning manager proposes it, with the less restrictive measures weighed and why each will not do,
/// and a review date; it takes effect only when a second, senior, independent person approves it. Each review
/// that continues it is proposed and approved the same way. One person may end it: lifting is never the risk.
/// </summary>
public sealed class Suspension
{
    private readonly List<ConsideredAlternative> _alternatives = [];

    private Suspension()
    {
        Reason = ProposedByUserId = string.Empty;
    }

    public const int MaxTextLength = 4000;

    public const int MaxOtherDescriptionLength = 200;

    /// <summary>The longest review period the setting may allow.</summary>
    public const int MaxReviewDaysLimit = 90;

    public Guid Id { get; private set; }
    public Guid ConcernId { get; private set; }
    public SuspensionKind Kind { get; private set; }
    public SuspensionStatus Status { get; private set; }

    /// <summary>Why the measure is needed at all: the risk it addresses.</summary>
    public string Reason { get; private set; }

    public IReadOnlyList<ConsideredAlternative> Alternatives => _alternatives;

    public string ProposedByUserId { get; private set; }

    /// <summary>The proposer's own staff record, so the same person under another account cannot approve.</summary>
    public string? ProposedByStaffRef { get; private set; }

    public DateTime ProposedAtUtc { get; private set; }
    public string? ApprovedByUserId { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }

    /// <summary>When it must next be reviewed (UK date); a proposal's own until approved.</summary>
    public DateOnly ReviewDate { get; private set; }

    /// <summary>Reviews that continued it, each approved.</summary>
    public int ReviewsHeld { get; private set; }

    /// <summary>A continuation proposed at a review and waiting for approval: the new review date …</summary>
    public DateOnly? PendingReviewDate { get; private set; }

    /// <summary>… why it must continue …</summary>
    public string? PendingRationale { get; private set; }

    /// <summary>… and who proposed it (user and staff record).</summary>
    public string? PendingByUserId { get; private set; }

    public string? PendingByStaffRef { get; private set; }
    public DateTime? PendingAtUtc { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }
    public string? EndedByUserId { get; private set; }

    /// <summary>Why it ended, or why it was declined.</summary>
    public string? EndReason { get; private set; }

    /// <summary>Bumped by every decision; a form carries it so a stale page is refused.</summary>
    public int Version { get; private set; }

    public bool IsOpen => Status is SuspensionStatus.AwaitingApproval or SuspensionStatus.InForce;

    /// <summary>Whether a decision is waiting for an approver: the proposal itself, or a continuation.</summary>
    public bool AwaitsApproval => Status == SuspensionStatus.AwaitingApproval || (Status == SuspensionStatus.InForce && PendingReviewDate is not null);

    /// <summary>In force past its review date with no approved continuation.</summary>
    public bool IsReviewOverdue(DateOnly todayUk) => Status == SuspensionStatus.InForce && ReviewDate < todayUk;

    /// <summary>The less restrictive measures a proposal of <paramref name="kind"/> must say why it cannot use.</summary>
    public static IReadOnlyList<SuspensionAlternative> RequiredAlternatives(SuspensionKind kind) => kind == SuspensionKind.RestrictionOfDuties
        ? [SuspensionAlternative.Redeployment, SuspensionAlternative.Supervision]
        : [SuspensionAlternative.Redeployment, SuspensionAlternative.Supervision, SuspensionAlternative.RestrictedDuties];

    /// <summary>Why <paramref name="date"/> cannot be a review date, or null: after today and at most <paramref name="maxDays"/> ahead.</summary>
    public static string? ReviewDateProblem(DateOnly? date, DateOnly todayUk, int maxDays)
    {
        if (date is not { } given)
        {
            return "Enter a review date.";
        }

        if (given <= todayUk)
        {
            return "The review date must be after today.";
        }

        var latest = todayUk.AddDays(maxDays);
        return given > latest
            ? $"The review date must be no more than {maxDays} days ahead, by {UkDates.Date(latest)}: a suspension is reviewed at least that often."
            : null;
    }

    public static Suspension Propose(Guid concernId, SuspensionKind kind, string reason,
        IReadOnlyList<(SuspensionAlternative Alternative, string? Description, string WhyNot)> alternatives,
        DateOnly reviewDate, User proposer, DateOnly todayUk, int maxReviewDays, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        ArgumentNullException.ThrowIfNull(proposer);
        Require(Enum.IsDefined(kind), "Choose suspension, exclusion or restriction of duties.", "Kind");
        Require(!string.IsNullOrWhiteSpace(reason) && reason.Trim().Length <= MaxTextLength, "Say why the measure is needed.", "Reason");
        foreach (var required in RequiredAlternatives(kind))
        {
            Require(alternatives.Any(a => a.Alternative == required && !string.IsNullOrWhiteSpace(a.WhyNot)),
                $"Say why {SuspensionWords.Alternative(required).ToLowerInvariant()} will not do.", $"Alternatives.{required}");
        }

        Require(alternatives.All(a => !string.IsNullOrWhiteSpace(a.WhyNot)), "Say why each alternative will not do.", "Alternatives");
        Require(ReviewDateProblem(reviewDate, todayUk, maxReviewDays) is null, ReviewDateProblem(reviewDate, todayUk, maxReviewDays) ?? "", "ReviewDate");
        var suspension = new Suspension
        {
            Id = Guid.NewGuid(),
            ConcernId = concernId,
            Kind = kind,
            Status = SuspensionStatus.AwaitingApproval,
            Reason = reason.Trim(),
            ProposedByUserId = proposer.UserId,
            ProposedByStaffRef = proposer.StaffRef,
            ProposedAtUtc = nowUtc,
            ReviewDate = reviewDate,
        };
        for (var i = 0; i < alternatives.Count; i++)
        {
            var (alternative, description, whyNot) = alternatives[i];
            suspension._alternatives.Add(ConsideredAlternative.Create(suspension.Id, i + 1, alternative, description, whyNot));
        }

        return suspension;
    }

    /// <summary>Why <paramref name="approver"/> may not approve what is waiting, or null: never the person who proposed it, under any account.</summary>
    public string? ApproverConflict(User approver)
    {
        ArgumentNullException.ThrowIfNull(approver);
        var (byUser, byStaff) = Status == SuspensionStatus.AwaitingApproval ? (ProposedByUserId, ProposedByStaffRef) : (PendingByUserId, PendingByStaffRef);
        if (string.Equals(approver.UserId, byUser, StringComparison.Ordinal))
        {
            return "You proposed this, so you cannot approve it: a second, independent person must.";
        }

        return byStaff is not null && string.Equals(approver.StaffRef, byStaff, StringComparison.Ordinal)
            ? "You proposed this under another account, so you cannot approve it: a second, independent person must."
            : null;
    }

    /// <summary>Approves what is waiting: the proposal (it takes effect) or a continuation (the new review date holds).</summary>
    public void Approve(User approver, DateOnly todayUk, DateTime nowUtc)
    {
        Require(AwaitsApproval, "Nothing is waiting for approval.");
        Require(ApproverConflict(approver) is null, ApproverConflict(approver) ?? "", "Approver");
        if (Status == SuspensionStatus.AwaitingApproval)
        {
            Require(ReviewDate > todayUk, "The proposed review date has passed: end this proposal and propose again.", "ReviewDate");
            Status = SuspensionStatus.InForce;
            ApprovedByUserId = approver.UserId;
            ApprovedAtUtc = nowUtc;
        }
        else
        {
            Require(PendingReviewDate > todayUk, "The proposed review date has passed: propose the continuation again.", "ReviewDate");
            ReviewDate = PendingReviewDate!.Value;
            ReviewsHeld++;
            ClearPending();
        }

        Version++;
    }

    /// <summary>The approver will not approve: a proposal is declined and never takes effect; a continuation
    /// not approved means the measure ends, since it may not go on on one person's word.</summary>
    public void Decline(User approver, string reason, DateTime nowUtc)
    {
        Require(AwaitsApproval, "Nothing is waiting for approval.");
        Require(ApproverConflict(approver) is null, ApproverConflict(approver) ?? "", "Approver");
        Require(!string.IsNullOrWhiteSpace(reason) && reason.Trim().Length <= MaxTextLength, "Say why you will not approve it.", "Reason");
        Status = Status == SuspensionStatus.AwaitingApproval ? SuspensionStatus.Declined : SuspensionStatus.Ended;
        ClearPending();
        EndedAtUtc = nowUtc;
        EndedByUserId = approver.UserId;
        EndReason = reason.Trim();
        Version++;
    }

    /// <summary>At a review: proposes that it continue to <paramref name="newReviewDate"/>; a second person must approve.</summary>
    public void ProposeContinuation(User proposer, string rationale, DateOnly newReviewDate, DateOnly todayUk, int maxReviewDays, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(proposer);
        Require(Status == SuspensionStatus.InForce, "Only a measure in force can be reviewed.");
        Require(PendingReviewDate is null, "A continuation is already waiting for approval.");
        Require(!string.IsNullOrWhiteSpace(rationale) && rationale.Trim().Length <= MaxTextLength, "Say why it must continue and why the alternatives still will not do.", "Rationale");
        Require(ReviewDateProblem(newReviewDate, todayUk, maxReviewDays) is null, ReviewDateProblem(newReviewDate, todayUk, maxReviewDays) ?? "", "ReviewDate");
        PendingReviewDate = newReviewDate;
        PendingRationale = rationale.Trim();
        PendingByUserId = proposer.UserId;
        PendingByStaffRef = proposer.StaffRef;
        PendingAtUtc = nowUtc;
        Version++;
    }

    /// <summary>Lifts it (or withdraws a proposal): one person may, with a reason.</summary>
    public void End(User by, string reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(by);
        Require(IsOpen, "This has already ended.");
        Require(!string.IsNullOrWhiteSpace(reason) && reason.Trim().Length <= MaxTextLength, "Say why it ends.", "Reason");
        Status = SuspensionStatus.Ended;
        ClearPending();
        EndedAtUtc = nowUtc;
        EndedByUserId = by.UserId;
        EndReason = reason.Trim();
        Version++;
    }

    private void ClearPending()
    {
        PendingReviewDate = null;
        PendingRationale = null;
        PendingByUserId = null;
        PendingByStaffRef = null;
        PendingAtUtc = null;
    }

    private static void Require(bool condition, string reason, string? field = null)
    {
        if (!condition)
        {
            throw new DomainRuleException(reason, field);
        }
    }
}
