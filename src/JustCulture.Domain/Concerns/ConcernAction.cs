namespace JustCulture.Domain.Concerns;

/// <summary>
/// One action (or omission) of a concern. The guide is applied to one action at a time, so each
/// action has its own checklist walk (workflow instance), outcome and route.
/// </summary>
public sealed class ConcernAction
{
    private ConcernAction()
    {
        Description = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ConcernId { get; private set; }
    public int Ordinal { get; private set; }
    public string Description { get; private set; }
    public Guid WorkflowInstanceId { get; private set; }
    public ActionStage Stage { get; private set; }
    public ChecklistOutcome? Outcome { get; private set; }
    public CaseRoute? Route { get; private set; }
    public DateTime? FormalInvestigationStartedAtUtc { get; private set; }
    public int InformalAttempts { get; private set; }

    /// <summary>Waiting for a route again because an informal resolution did not resolve it.</summary>
    public bool ReturnedFromInformalResolution => Stage == ActionStage.AwaitingReview && InformalAttempts > 0;

    /// <summary>Bumped by every step on this action. A form carries the version it was built from, so a
    /// stale form is refused while steps on the concern's other actions never get in its way.</summary>
    public int Version { get; private set; }

    /// <summary>What was agreed for the current informal resolution; cleared when it does not resolve.</summary>
    public string? InformalAgreedActions { get; private set; }

    /// <summary>When the current informal resolution is to be reviewed.</summary>
    public DateOnly? InformalReviewDate { get; private set; }

    /// <summary>Longest agreed-actions text stored (the column's length).</summary>
    public const int MaxAgreedActionsLength = 4000;

    /// <summary>Longest rationale or statement given with a decision.</summary>
    public const int MaxRationaleLength = 4000;

    /// <summary>Records that a step acted on this action.</summary>
    public void MarkChanged() => Version++;

    internal static ConcernAction Create(Guid concernId, int ordinal, string description) => new()
    {
        Id = Guid.NewGuid(),
        ConcernId = concernId,
        Ordinal = ordinal,
        Description = description,
        WorkflowInstanceId = Guid.NewGuid(),
        Stage = ActionStage.Checklist,
    };

    public void RecordOutcome(ChecklistOutcome outcome)
    {
        Require(Stage == ActionStage.Checklist, $"an outcome can only be recorded while the checklist is open (stage is {Stage})");
        Outcome = outcome;
        Stage = ActionStage.AwaitingReview;
    }

    public void ChooseRoute(CaseRoute route)
    {
        Require(Stage == ActionStage.AwaitingReview, $"a route can only be chosen at commissioning review (stage is {Stage})");
        Route = route;
        Stage = route switch
        {
            CaseRoute.InformalResolution => ActionStage.InformalResolution,
            // Routing to formal investigation does not start it: that is a separate, logged step.
            CaseRoute.FormalInvestigation => ActionStage.AwaitingReview,
            _ => ActionStage.Closed,
        };
        if (route == CaseRoute.InformalResolution)
        {
            InformalAttempts++;
        }
    }

    public void RecordInformalResolution(bool resolved)
    {
        Require(Stage == ActionStage.InformalResolution, $"informal resolution is not in progress (stage is {Stage})");
        Stage = resolved ? ActionStage.Closed : ActionStage.AwaitingReview;
        if (!resolved)
        {
            Route = null;
            // The plan belonged to the attempt that failed; a new route needs a new plan.
            InformalAgreedActions = null;
            InformalReviewDate = null;
        }
    }

    /// <summary>Records (or replaces) the agreed actions and review date of the informal resolution in progress.</summary>
    public void RecordInformalPlan(string agreedActions, DateOnly reviewDate, DateOnly today)
    {
        Require(Stage == ActionStage.InformalResolution, $"an informal-resolution plan can only be recorded while informal resolution is in progress (stage is {Stage})");
        Require(!string.IsNullOrWhiteSpace(agreedActions), "describe the agreed actions");
        Require(agreedActions.Trim().Length <= MaxAgreedActionsLength, $"the agreed actions are longer than {MaxAgreedActionsLength} characters");
        Require(reviewDate > today, $"the review date {reviewDate:yyyy-MM-dd} must be in the future");
        InformalAgreedActions = agreedActions.Trim();
        InformalReviewDate = reviewDate;
    }

    public void StartFormalInvestigation(DateTime startedAtUtc)
    {
        Require(Route == CaseRoute.FormalInvestigation && FormalInvestigationStartedAtUtc is null,
            "a formal investigation can only start after a commissioning review chose that route");
        FormalInvestigationStartedAtUtc = startedAtUtc;
        Stage = ActionStage.FormalInvestigation;
    }

    /// <summary>The formal process on this action has ended (<see cref="Formal.FormalProceeding.ClosureRefusal"/>): the action closes.</summary>
    public void CloseFormalProcess()
    {
        Require(Stage == ActionStage.FormalInvestigation, $"only an action in the formal process can close it (stage is {Stage})");
        Stage = ActionStage.Closed;
    }

    private void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new DomainRuleException($"Action {Ordinal}: {reason}.");
        }
    }
}
