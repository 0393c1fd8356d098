namespace JustCulture.Domain.Concerns;

/// <summary>
/// The fixed list of concern categories. Similar-case comparison and breakdowns group by category, so
/// free-typed variants ("clinical", "Clinical Practice ") would split groups that belong together.
/// </summary>
public static class ConcernCategories
{
    public const string Unspecified = "Unspecified";

    public static IReadOnlyList<string> All { get; } =
    [
        "Clinical practice",
        "Medication",
        "Record keeping",
        "Communication",
        "Behaviour towards others",
        "Conduct",
        "Attendance",
        "Information governance",
        "Other",
    ];

    /// <summary>The canonical spelling of <paramref name="category"/>, or null when it is not on the list.</summary>
    public static string? Canonical(string? category)
    {
        var trimmed = category?.Trim();
        return All.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
