using System.Xml.Linq;

namespace JustCulture.Architecture.Tests;

/// <summary>
/// docs/architecture.md: dependencies point inward. Domain and Workflows reference no infrastructure and no other
/// JustCulture project; Persistence sits on them; Application on those; Cli and Web on Application and below.
/// </summary>
public static class LayerRules
{
    public const string Domain = "JustCulture.Domain";
    public const string Workflows = "JustCulture.Workflows";
    public const string Persistence = "JustCulture.Persistence";
    public const string Application = "JustCulture.Application";
    public const string Cli = "JustCulture.Cli";
    public const string Web = "JustCulture.Web";

    private static readonly string[] Infrastructure =
        ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Npgsql", "System.CommandLine", "Microsoft.Data.Sqlite", "SQLitePCLRaw"];

    private static readonly string[] Hosting = ["Microsoft.AspNetCore", "System.CommandLine"];

    /// <summary>Project → the JustCulture projects it may reference, and the package prefixes it must not.</summary>
    public static IReadOnlyDictionary<string, (string[] AllowedProjects, string[] ForbiddenPrefixes)> Rules { get; } =
        new Dictionary<string, (string[], string[])>(StringComparer.Ordinal)
        {
            [Domain] = ([], Infrastructure),
            [Workflows] = ([], Infrastructure),
            [Persistence] = ([Domain, Workflows], Hosting),
            [Application] = ([Domain, Workflows, Persistence], Hosting),
            [Cli] = ([Domain, Workflows, Persistence, Application], []),
            [Web] = ([Domain, Workflows, Persistence, Application], []),
        };

    /// <summary>The assembly name a project builds ("justculture" for the CLI) mapped back to the project.</summary>
    public static string? ProjectOfAssembly(string assemblyName) =>
        string.Equals(assemblyName, "justculture", StringComparison.OrdinalIgnoreCase) ? Cli
        : assemblyName.StartsWith("JustCulture.", StringComparison.Ordinal) ? assemblyName
        : null;

    public static bool MatchesPrefix(string name, string prefix) =>
        string.Equals(name, prefix, StringComparison.OrdinalIgnoreCase)
        || name.StartsWith(prefix + ".", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every violation of <paramref name="project"/>'s rule among the given references.</summary>
    public static IReadOnlyList<string> Violations(string project, IEnumerable<string> references)
    {
        var (allowed, forbidden) = Rules[project];
        var violations = new List<string>();
        foreach (var reference in references.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (ProjectOfAssembly(reference) is { } referenced && !string.Equals(referenced, project, StringComparison.Ordinal)
                && !allowed.Contains(referenced, StringComparer.Ordinal))
            {
                violations.Add($"{project} must not reference {referenced} (allowed: {(allowed.Length == 0 ? "no JustCulture project" : string.Join(", ", allowed))})");
            }

            if (forbidden.FirstOrDefault(prefix => MatchesPrefix(reference, prefix)) is { } prefix)
            {
                violations.Add($"{project} must not reference {reference} ({prefix}* is infrastructure it may not depend on)");
            }
        }

        return violations;
    }

    /// <summary>ProjectReference (by project name), PackageReference and FrameworkReference includes, and a web SDK.</summary>
    public static IReadOnlyList<string> ReferencesIn(XDocument csproj)
    {
        var references = new List<string>();
        foreach (var element in csproj.Descendants())
        {
            var include = element.Attribute("Include")?.Value ?? element.Attribute("Update")?.Value;
            switch (element.Name.LocalName)
            {
                case "ProjectReference" when include is not null:
                    references.Add(Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));
                    break;
                case "PackageReference" or "FrameworkReference" when include is not null:
                    references.Add(include);
                    break;
            }
        }

        var sdk = csproj.Root?.Attribute("Sdk")?.Value;
        if (sdk is not null && sdk.Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
        {
            references.Add("Microsoft.AspNetCore.App");
        }

        return references;
    }
}
