using JustCulture.Application.Wellbeing;

namespace JustCulture.Web.Pages.Review.Care;

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
