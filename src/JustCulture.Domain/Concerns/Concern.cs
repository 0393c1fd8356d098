using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;

namespace JustCulture.Domain.Concerns;

/// <summary>
/// A line manager's concern about one member of staff. Its actions each run through the just culture
/// checklist and a commissioning review; the concern itself only aggregates where they are.
/// </summary>
public sealed class Concern
{
    private readonly List<ConcernAction> _actions = [];

    private Concern()
    {
        SubjectStaffRef = RaisedByUserId = Summary = Category = string.Empty;
    }

    public Guid Id { get; private set; }
    public string SubjectStaffRef { get; private set; }
    public string RaisedByUserId { get; private set; }
    public string Summary { get; private set; }
    public string Category { get; private set; }
    public DateOnly? IncidentDate { get; private set; }
    public DateTime OpenedAtUtc { get; private set; }
    public ConcernStatus Status { get; private set; }

    /// <summary>The raiser's own staff record: the person, whichever account they used.</summary>
    public string? RaisedByStaffRef { get; private set; }

    /// <summary>The subject's managers when the concern was raised (see <see cref="LineManagementChain"/>).</summary>
    public string? SubjectChainAtRaising { get; private set; }

    /// <summary>The raiser's managers when the concern was raised.</summary>
    public string? RaiserChainAtRaising { get; private set; }

    /// <summary>Most actions one concern may hold: each is its own checklist walk and review.</summary>
    public const int MaxActions = 20;

    public const int MaxSummaryLength = 4000;

    public const int MaxActionLength = 1000;

    /// <summary>Bumped by every step on the case; steps serialise on the decision log, so this is a backstop,
    /// not the check a caller's form is compared with (that is <see cref="ConcernAction.Version"/>).</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ConcernAction> Actions => _actions;

    public static Concern Open(User raisedBy, StaffMember subject, string summary, IReadOnlyList<string> actions,
        string? category, DateOnly? incidentDate, DateTime openedAtUtc, StaffMember? raiserStaff = null)
    {
        if (raisedBy.Role != Role.LineManager)
        {
            throw new DomainRuleException($"Only a line manager can raise a concern; {raisedBy.UserId} is {raisedBy.Role}.");
        }

        if (raisedBy.StaffRef is null || !string.Equals(subject.LineManagerRef, raisedBy.StaffRef, StringComparison.Ordinal))
        {
            throw new DomainRuleException($"{raisedBy.UserId} is not the line manager of staff {subject.StaffRef}; a concern is raised by the person's own line manager.");
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new DomainRuleException("Describe what happened: the summary is empty.", "Summary");
        }

        if (summary.Trim().Length > MaxSummaryLength)
        {
            throw new DomainRuleException($"The summary must be {MaxSummaryLength} characters or fewer.", "Summary");
        }

        var described = actions.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        if (described.Count == 0)
        {
            throw new DomainRuleException("Name at least one action or omission: the guide is applied to one action at a time.", "Actions");
        }

        if (described.Count > MaxActions)
        {
            throw new DomainRuleException($"A concern can hold at most {MaxActions} actions; raise separate concerns for the rest.", "Actions");
        }

        if (described.Any(a => a.Length > MaxActionLength))
        {
            throw new DomainRuleException($"Each action must be {MaxActionLength} characters or fewer.", "Actions");
        }

        if (ConcernCategories.Canonical(category) is not { } canonicalCategory)
        {
            throw new DomainRuleException($"Choose a category: one of {string.Join(", ", ConcernCategories.All)}.", "Category");
        }

        if (incidentDate is { } date && date > DateOnly.FromDateTime(openedAtUtc))
        {
            throw new DomainRuleException($"The incident date {date:yyyy-MM-dd} is in the future.", "IncidentDate");
        }

        var concern = new Concern
        {
            Id = Guid.NewGuid(),
            SubjectStaffRef = subject.StaffRef,
            RaisedByUserId = raisedBy.UserId,
            Summary = summary.Trim(),
            Category = canonicalCategory,
            IncidentDate = incidentDate,
            OpenedAtUtc = openedAtUtc,
            Status = ConcernStatus.Checklist,
            RaisedByStaffRef = raisedBy.StaffRef,
            SubjectChainAtRaising = subject.ManagerChain,
            RaiserChainAtRaising = raiserStaff?.ManagerChain,
        };
        for (var i = 0; i < described.Count; i++)
        {
            concern._actions.Add(ConcernAction.Create(concern.Id, i + 1, described[i]));
        }

        return concern;
    }

    public ConcernAction ActionForInstance(Guid workflowInstanceId) =>
        _actions.SingleOrDefault(a => a.WorkflowInstanceId == workflowInstanceId)
        ?? throw new DomainRuleException($"Workflow instance {workflowInstanceId} does not belong to concern {Id}.");

    /// <summary>Who the case is about and who raised it, now (<paramref name="subjectNow"/>, <paramref name="raiserNow"/>)
    /// and as recorded when it was raised.</summary>
    public CaseParties Parties(StaffMember subjectNow, StaffMember? raiserNow)
    {
        ArgumentNullException.ThrowIfNull(subjectNow);
        return new CaseParties(
            RaisedByUserId,
            SubjectStaffRef,
            subjectNow.Managers,
            LineManagementChain.Parse(SubjectChainAtRaising),
            RaisedByStaffRef,
            raiserNow?.Managers ?? [],
            LineManagementChain.Parse(RaiserChainAtRaising));
    }

    /// <summary>Called after every step so the stored status and version reflect the actions.</summary>
    public void Touch()
    {
        Version++;
        Status = _actions.Any(a => a.Stage == ActionStage.FormalInvestigation) ? ConcernStatus.FormalInvestigation
            : _actions.Any(a => a.Stage == ActionStage.Checklist) ? ConcernStatus.Checklist
            : _actions.Any(a => a.Stage == ActionStage.AwaitingReview) ? ConcernStatus.AwaitingReview
            : _actions.Any(a => a.Stage == ActionStage.InformalResolution) ? ConcernStatus.InformalResolution
            : ConcernStatus.Closed;
    }
}
