namespace JustCulture.Domain.Staff;

/// <summary>
/// Everyone above a person in line management — their line manager, that manager's manager, and so on
/// up to the top. Stored with each staff record (and copied onto a concern when it is raised) so that
/// reviewer independence is one lookup, not a walk of the staff table.
/// </summary>
public static class LineManagementChain
{
    /// <summary>Deepest chain followed; real hierarchies are far shallower, and a bound keeps bad data harmless.</summary>
    public const int MaxDepth = 40;

    /// <summary>Longest stored chain text: <see cref="MaxDepth"/> refs of up to 32 characters and their separators.</summary>
    public const int MaxStoredLength = 1400;

    private const char Separator = '/';

    /// <summary>The managers of <paramref name="staffRef"/>, nearest first. A loop in the data stops the
    /// walk where it would revisit someone, so a bad file can never hang an import.</summary>
    public static IReadOnlyList<string> Walk(string staffRef, IReadOnlyDictionary<string, string?> managerOf)
    {
        ArgumentNullException.ThrowIfNull(managerOf);
        var chain = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { staffRef };
        var current = staffRef;
        while (chain.Count < MaxDepth && managerOf.TryGetValue(current, out var manager) && manager is not null && seen.Add(manager))
        {
            chain.Add(manager);
            current = manager;
        }

        return chain;
    }

    public static string Format(IReadOnlyList<string> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return string.Join(Separator, chain);
    }

    public static IReadOnlyList<string> Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(Separator);
}
