using JustCulture.Application.Wellbeing;

namespace JustCulture.Web.Pages.Review.Care;

/// <summary>A text box or text area on a care page: its name (the bound property), label, value, hint and error.</summary>
public sealed record CareField(string Name, string Label, string? Value, string? Hint, bool Multiline, string? Error);

/// <summary>The words the care pages and the case page use for a wellbeing record.</summary>
public static class CareText
{
    public static string Support(WellbeingView record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var offered = new List<string>();
        if (record.OccupationalHealthOffered)
        {
            offered.Add("occupational health");
        }

        if (record.EmployeeAssistanceOffered)
        {
            offered.Add("employee assistance programme");
        }

        if (record.UnionOrStaffNetworkOffered)
        {
            offered.Add("union or staff network contact");
        }

        var words = string.Join(", ", offered);
        return words.Length == 0 ? "None" : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
