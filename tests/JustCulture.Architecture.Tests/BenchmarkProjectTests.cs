using System.Xml.Linq;
using JustCulture.TestSupport;

namespace JustCulture.Architecture.Tests;

/// <summary>
/// Benchmarks are run by hand and reported as ratios (bench/README.md), never as timed tests: a benchmark
/// project carries no test framework, so `dotnet test` builds it but never runs it, and it uses no test project.
/// </summary>
public class BenchmarkProjectTests
{
    private static readonly string[] TestFrameworks = ["Microsoft.NET.Test.Sdk", "xunit", "Microsoft.Testing.Platform", "MSTest", "NUnit"];

    [Fact]
    public void ReferencesNoTestFrameworkGivenBenchmarkProjects()
    {
        var projects = BenchmarkProjects();

        projects.ShouldNotBeEmpty();
        foreach (var project in projects)
        {
            LayerRules.ReferencesIn(XDocument.Load(project))
                .ShouldNotContain(r => TestFrameworks.Any(framework => LayerRules.MatchesPrefix(r, framework)), $"{project} references a test framework");
        }
    }

    [Fact]
    public void ReferencesNoTestProjectGivenBenchmarkProjects()
    {
        foreach (var project in BenchmarkProjects())
        {
            LayerRules.ReferencesIn(XDocument.Load(project))
                .ShouldNotContain(r => r.EndsWith(".Tests", StringComparison.Ordinal) || r == "JustCulture.TestSupport", $"{project} references a test project");
        }
    }

    private static string[] BenchmarkProjects() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.RepoRoot, "bench"), "*.csproj", SearchOption.AllDirectories);
}
