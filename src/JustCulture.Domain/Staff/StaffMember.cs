using JustCulture.Domain.Ethnicity;

namespace JustCulture.Domain.Staff;

/// <summary>A directly employed member of staff, as imported from the workforce system.</summary>
public sealed class StaffMember
{
    private StaffMember()
    {
        StaffRef = Name = EthnicCode = Band = StaffGroup = Directorate = string.Empty;
    }

    public string StaffRef { get; private set; }
    public string Name { get; private set; }

    /// <summary>The recorded ethnic category code, stored as given (see <see cref="Ethnicity.EthnicCode"/>).</summary>
    public string EthnicCode { get; private set; }

    /// <summary>Derived from <see cref="EthnicCode"/> at import; stored so reports can group without re-parsing.</summary>
    public WresGroup WresGroup { get; private set; }

    public string Band { get; private set; }
    public string StaffGroup { get; private set; }
    public string Directorate { get; private set; }
    public DateOnly StartDate { get; private set; }
    public string? LineManagerRef { get; private set; }

    /// <summary>Everyone above this person in line management, nearest first, as
    /// <see cref="LineManagementChain.Format"/> writes it; null until computed from the whole staff table.</summary>
    public string? ManagerChain { get; private set; }

    public IReadOnlyList<string> Managers => LineManagementChain.Parse(ManagerChain);

    /// <summary>Set after every import, once every record's line manager is known.</summary>
    public void SetManagerChain(IReadOnlyList<string> managers) => ManagerChain = LineManagementChain.Format(managers);

    public static StaffMember Create(StaffDetails details)
    {
        var member = new StaffMember { StaffRef = details.StaffRef };
        member.Update(details);
        return member;
    }

    /// <summary>Re-import of a known person: the staff ref is the identity, everything else may change.</summary>
    public void Update(StaffDetails details)
    {
        if (!string.Equals(details.StaffRef, StaffRef, StringComparison.Ordinal))
        {
            throw new DomainRuleException($"Cannot update staff {StaffRef} with the record of {details.StaffRef}.");
        }

        Name = details.Name;
        EthnicCode = details.EthnicCode.Code;
        WresGroup = details.EthnicCode.WresGroup;
        Band = details.Band;
        StaffGroup = details.StaffGroup;
        Directorate = details.Directorate;
        StartDate = details.StartDate;
        LineManagerRef = details.LineManagerRef;
    }

    /// <summary>What an import of <paramref name="details"/> would change on this record (nothing when it is the same).</summary>
    public IReadOnlyList<StaffRecordField> ChangesFrom(StaffDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var changes = new List<StaffRecordField>();
        void Compare(StaffRecordField field, string? now, string? then)
        {
            if (!string.Equals(now, then, StringComparison.Ordinal))
            {
                changes.Add(field);
            }
        }

        Compare(StaffRecordField.Name, Name, details.Name);
        Compare(StaffRecordField.EthnicCode, EthnicCode, details.EthnicCode.Code);
        Compare(StaffRecordField.Band, Band, details.Band);
        Compare(StaffRecordField.StaffGroup, StaffGroup, details.StaffGroup);
        Compare(StaffRecordField.Directorate, Directorate, details.Directorate);
        if (StartDate != details.StartDate)
        {
            changes.Add(StaffRecordField.StartDate);
        }

        Compare(StaffRecordField.LineManager, LineManagerRef, details.LineManagerRef);
        return changes;
    }

    /// <summary>Whole years of service on <paramref name="asAt"/>.</summary>
    public int YearsOfService(DateOnly asAt)
    {
        var years = asAt.Year - StartDate.Year;
        return asAt < StartDate.AddYears(years) ? Math.Max(0, years - 1) : Math.Max(0, years);
    }
}

/// <summary>One validated row of a staff import.</summary>
public sealed record StaffDetails(
    string StaffRef,
    string Name,
    EthnicCode EthnicCode,
    string Band,
    string StaffGroup,
    string Directorate,
    DateOnly StartDate,
    string? LineManagerRef);
