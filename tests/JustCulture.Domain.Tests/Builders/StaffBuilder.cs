using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Staff;

namespace JustCulture.Domain.Tests.Builders;

/// <summary>A member of staff with sensible defaults; override only what the test is about.</summary>
public sealed class StaffBuilder
{
    private string _staffRef = "E100";
    private string _name = "Sam Subject";
    private string _ethnicCode = "A";
    private string? _lineManagerRef = "M1";
    private DateOnly _startDate = new(2015, 6, 1);

    public StaffBuilder WithRef(string staffRef)
    {
        _staffRef = staffRef;
        return this;
    }

    public StaffBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public StaffBuilder WithEthnicCode(string code)
    {
        _ethnicCode = code;
        return this;
    }

    public StaffBuilder ManagedBy(string? lineManagerRef)
    {
        _lineManagerRef = lineManagerRef;
        return this;
    }

    public StaffBuilder Started(DateOnly startDate)
    {
        _startDate = startDate;
        return this;
    }

    public StaffDetails BuildDetails() => new(_staffRef, _name, EthnicCode.Parse(_ethnicCode), "Band 5",
        "Nursing and Midwifery Registered", "Medicine", _startDate, _lineManagerRef);

    public StaffMember Build() => StaffMember.Create(BuildDetails());
}
