using JustCulture.Domain.Users;

namespace JustCulture.Domain.Wellbeing;

/// <summary>
/// The person's wellbeing while a case is about them (docs/domain/process-safeguards.md, "Wellbeing"): a named
/// wellbeing contact, the support offered (occupational health, employee assistance, a union or staff network
/// contact), recorded at review by the commissioning manager, and the check-ins held since, each setting when the
/// next is due. Special-category data: only the case's parties read it.
/// </summary>
public sealed class WellbeingRecord
{
    private readonly List<WellbeingCheckIn> _checkIns = [];

    private WellbeingRecord()
    {
        ContactName = RecordedByUserId = string.Empty;
    }

    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>The furthest ahead a next check-in may be set: a person under process is not left for longer.</summary>
    public const int MaxDaysToNextCheckIn = 28;

    public Guid Id { get; private set; }
    public Guid ConcernId { get; private set; }

    /// <summary>Who the person can turn to, and who checks in on them.</summary>
    public string ContactName { get; private set; }

    public bool OccupationalHealthOffered { get; private set; }
    public bool EmployeeAssistanceOffered { get; private set; }
    public bool UnionOrStaffNetworkOffered { get; private set; }

    /// <summary>Anything more about the offer (what was accepted, adjustments); free text, sealed in the log.</summary>
    public string? SupportNotes { get; private set; }

    /// <summary>When the next check-in is due (UK date).</summary>
    public DateOnly NextCheckInDue { get; private set; }

    public string RecordedByUserId { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public DateTime? UpdatedAtUtc { get; private set; }

    public IReadOnlyList<WellbeingCheckIn> CheckIns => _checkIns;

    /// <summary>Bumped by every decision; a form carries it so a stale page is refused.</summary>
    public int Version { get; private set; }

    public bool AnySupportOffered => OccupationalHealthOffered || EmployeeAssistanceOffered || UnionOrStaffNetworkOffered;

    public bool IsCheckInOverdue(DateOnly todayUk) => NextCheckInDue < todayUk;

    /// <summary>Why a next check-in date will not do, or null.</summary>
    public static string? NextDueProblem(DateOnly? nextDue, DateOnly todayUk)
    {
        if (nextDue is not { } date)
        {
            return "Enter when the next check-in is due.";
        }

        if (date <= todayUk)
        {
            return "The next check-in must be after today.";
        }

        return date > todayUk.AddDays(MaxDaysToNextCheckIn)
            ? $"The next check-in must be within {MaxDaysToNextCheckIn} days (by {UkDates.Date(todayUk.AddDays(MaxDaysToNextCheckIn))})."
            : null;
    }

    public static WellbeingRecord Record(Guid concernId, string contactName, SupportOffer offer, string? notes, DateOnly nextDue, User by, DateOnly todayUk, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(by);
        var record = new WellbeingRecord
        {
            Id = Guid.NewGuid(),
            ConcernId = concernId,
            RecordedByUserId = by.UserId,
            RecordedAtUtc = nowUtc,
        };
        record.Set(contactName, offer, notes, nextDue, todayUk);
        return record;
    }

    /// <summary>A changed contact or offer (the person accepted another kind of support, the contact changed).</summary>
    public void Change(string contactName, SupportOffer offer, string? notes, DateOnly nextDue, DateOnly todayUk, DateTime nowUtc)
    {
        Set(contactName, offer, notes, nextDue, todayUk);
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    public WellbeingCheckIn CheckIn(DateOnly heldOn, string heldBy, string? notes, DateOnly nextDue, User recordedBy, DateOnly todayUk, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        if (heldOn > todayUk)
        {
            throw new DomainRuleException("A check-in cannot be recorded before it is held.", "HeldOn");
        }

        if (heldOn < UkDates.UkDateOf(RecordedAtUtc))
        {
            throw new DomainRuleException("A check-in cannot be earlier than the wellbeing record itself.", "HeldOn");
        }

        if (NextDueProblem(nextDue, todayUk) is { } problem)
        {
            throw new DomainRuleException(problem, "NextCheckInDue");
        }

        var checkIn = new WellbeingCheckIn(Id, _checkIns.Count + 1, heldOn, RequiredName(heldBy, "HeldBy"), Optional(notes), nextDue, recordedBy.UserId, nowUtc);
        _checkIns.Add(checkIn);
        NextCheckInDue = nextDue;
        Version++;
        return checkIn;
    }

    private void Set(string contactName, SupportOffer offer, string? notes, DateOnly nextDue, DateOnly todayUk)
    {
        if (!offer.Any)
        {
            throw new DomainRuleException("Record at least one kind of support offered: occupational health, employee assistance, or a union or staff network contact.", "Support");
        }

        if (NextDueProblem(nextDue, todayUk) is { } problem)
        {
            throw new DomainRuleException(problem, "NextCheckInDue");
        }

        ContactName = RequiredName(contactName, "ContactName");
        OccupationalHealthOffered = offer.OccupationalHealth;
        EmployeeAssistanceOffered = offer.EmployeeAssistance;
        UnionOrStaffNetworkOffered = offer.UnionOrStaffNetwork;
        SupportNotes = Optional(notes);
        NextCheckInDue = nextDue;
    }

    private static string RequiredName(string? name, string field)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength)
        {
            throw new DomainRuleException($"Enter a name of at most {MaxNameLength} characters.", field);
        }

        return trimmed;
    }

    private static string? Optional(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is { Length: > MaxTextLength })
        {
            throw new DomainRuleException($"At most {MaxTextLength} characters.", "Notes");
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}

/// <summary>The support offered: any of the three, at least one.</summary>
public readonly record struct SupportOffer(bool OccupationalHealth, bool EmployeeAssistance, bool UnionOrStaffNetwork)
{
    public bool Any => OccupationalHealth || EmployeeAssistance || UnionOrStaffNetwork;

    /// <summary>The fixed words an auditor may read: which kinds were offered, never who or what was said.</summary>
    public string Words() => string.Join(", ", new[]
    {
        OccupationalHealth ? "occupational health" : null,
        EmployeeAssistance ? "employee assistance" : null,
        UnionOrStaffNetwork ? "union or staff network contact" : null,
    }.Where(w => w is not null));
}

/// <summary>One check-in with the person: when, by whom, and when the next is due.</summary>
public sealed class WellbeingCheckIn
{
    private WellbeingCheckIn()
    {
        HeldBy = RecordedByUserId = string.Empty;
    }

    internal WellbeingCheckIn(Guid recordId, int ordinal, DateOnly heldOn, string heldBy, string? notes, DateOnly nextDue, string recordedByUserId, DateTime recordedAtUtc)
    {
        Id = Guid.NewGuid();
        WellbeingRecordId = recordId;
        Ordinal = ordinal;
        HeldOn = heldOn;
        HeldBy = heldBy;
        Notes = notes;
        NextDue = nextDue;
        RecordedByUserId = recordedByUserId;
        RecordedAtUtc = recordedAtUtc;
    }

    public Guid Id { get; private set; }
    public Guid WellbeingRecordId { get; private set; }
    public int Ordinal { get; private set; }
    public DateOnly HeldOn { get; private set; }

    /// <summary>Who held it (the wellbeing contact, usually): a name, not necessarily a user of the product.</summary>
    public string HeldBy { get; private set; }

    public string? Notes { get; private set; }
    public DateOnly NextDue { get; private set; }
    public string RecordedByUserId { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
}
