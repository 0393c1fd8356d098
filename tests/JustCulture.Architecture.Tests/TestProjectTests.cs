using System.Xml.Linq;
using JustCulture.TestSupport;

namespace JustCulture.Architecture.Tests;

/// <summary>docs/architecture.md: tests use real databases (SQLite file, PostgreSQL server), never EF InMemory.</summary>
public class TestProjectTests
{
    private const string InMemory = "Microsoft.EntityFrameworkCore.InMemory";

    [Fact]
    public void ReferencesNoEfInMemoryGivenAnyTestProject()
    {
        var projects = Directory.GetFiles(Path.Combine(RepositoryPaths.RepoRoot, "tests"), "*.csproj", SearchOption.AllDirectories);

        projects.Length.ShouldBeGreaterThan(1);
        foreach (var project in projects)
        {
            LayerRules.ReferencesIn(XDocument.Load(project))
                .ShouldNotContain(r => LayerRules.MatchesPrefix(r, InMemory), $"{project} references {InMemory}");
        }
    }

    [Fact]
    public void VersionsNoEfInMemoryGivenCentralPackages()
    {
        var central = XDocument.Load(Path.Combine(RepositoryPaths.RepoRoot, "Directory.Packages.props"));

        central.Descendants("PackageVersion").Select(p => p.Attribute("Include")?.Value ?? string.Empty)
            .ShouldNotContain(InMemory);
    }

    [Fact]
    public void UsesNoInMemoryProviderGivenTestSources()
    {
        var offenders = Directory.GetFiles(Path.Combine(RepositoryPaths.RepoRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith(nameof(TestProjectTests) + ".cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("UseInMemory" + "Database", StringComparison.Ordinal))
            .ToList();

        offenders.ShouldBeEmpty();
    }
}
