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

    /// <summary>Optimistic concurrency token: every step bumps it, a stale writer is refused.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ConcernAction> Actions => _actions;

    public static Concern Open(User raisedBy, StaffMember subject, string summary, IReadOnlyList<string> actions,
        string? category, DateOnly? incidentDate, DateTime openedAtUtc)
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
            throw new DomainRuleException("Describe what happened: the summary is empty.");
        }

        var described = actions.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        if (described.Count == 0)
        {
            throw new DomainRuleException("Name at least one action or omission: the guide is applied to one action at a time.");
        }

        if (incidentDate is { } date && date > DateOnly.FromDateTime(openedAtUtc))
        {
            throw new DomainRuleException($"The incident date {date:yyyy-MM-dd} is in the future.");
        }

        var concern = new Concern
        {
            Id = Guid.NewGuid(),
            SubjectStaffRef = subject.StaffRef,
            RaisedByUserId = raisedBy.UserId,
            Summary = summary.Trim(),
            Category = string.IsNullOrWhiteSpace(category) ? "Unspecified" : category.Trim(),
            IncidentDate = incidentDate,
            OpenedAtUtc = openedAtUtc,
            Status = ConcernStatus.Checklist,
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

    /// <summary>
    /// The commissioning manager must be independent: not the person who raised the concern, not the
    /// subject's line manager, and not the subject. Returns why not, or null when independent.
    /// </summary>
    public string? ReviewerConflict(User reviewer, StaffMember subject)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        ArgumentNullException.ThrowIfNull(subject);
        if (string.Equals(reviewer.UserId, RaisedByUserId, StringComparison.Ordinal))
        {
            return $"{reviewer.UserId} raised this concern and cannot review it.";
        }

        if (reviewer.StaffRef is not null && string.Equals(reviewer.StaffRef, subject.LineManagerRef, StringComparison.Ordinal))
        {
            return $"{reviewer.UserId} line-manages the person concerned and cannot review the case.";
        }

        if (reviewer.StaffRef is not null && string.Equals(reviewer.StaffRef, subject.StaffRef, StringComparison.Ordinal))
        {
            return $"{reviewer.UserId} is the person concerned and cannot review the case.";
        }

        return null;
    }

    public void EnsureIndependentReviewer(User reviewer, StaffMember subject)
    {
        if (ReviewerConflict(reviewer, subject) is { } conflict)
        {
            throw new DomainRuleException(conflict);
        }
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
