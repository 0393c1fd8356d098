using JustCulture.Domain.Concerns;
using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;

namespace JustCulture.Domain.Tests.Builders;

/// <summary>An open concern raised by the subject's own line manager, one action by default.</summary>
public sealed class ConcernBuilder
{
    public static readonly DateTime OpenedAt = new(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc);

    private User _raisedBy = UserBuilder.LineManager().Build();
    private StaffMember _subject = new StaffBuilder().Build();
    private string _summary = "Medication given late on the night shift";
    private IReadOnlyList<string> _actions = ["Gave the 22:00 dose at 23:30"];
    private string? _category = "Medication";
    private DateOnly? _incidentDate = new(2025, 1, 10);

    public ConcernBuilder RaisedBy(User user)
    {
        _raisedBy = user;
        return this;
    }

    public ConcernBuilder About(StaffMember subject)
    {
        _subject = subject;
        return this;
    }

    public ConcernBuilder WithSummary(string summary)
    {
        _summary = summary;
        return this;
    }

    public ConcernBuilder WithActions(params string[] actions)
    {
        _actions = actions;
        return this;
    }

    public ConcernBuilder InCategory(string? category)
    {
        _category = category;
        return this;
    }

    public ConcernBuilder OnDate(DateOnly? incidentDate)
    {
        _incidentDate = incidentDate;
        return this;
    }

    public Concern Build() => Concern.Open(_raisedBy, _subject, _summary, _actions, _category, _incidentDate, OpenedAt);
}
