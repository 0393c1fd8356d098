namespace JustCulture.Workflows.Tests;

/// <summary>Finds the repository's files from the test output folder.</summary>
internal static class TestPaths
{
    public const string ElsaFixtureName = "decision-merge-join-none.json";

    /// <summary>The folder holding JustCulture.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string WorkflowsDirectory => Path.Combine(RepoRoot, "workflows");

    public static string TriagePath => Path.Combine(WorkflowsDirectory, "just-culture-triage.json");

    /// <summary>The checked-in copy of the Elsa fixture, copied next to the test assembly.</summary>
    public static string CheckedInElsaFixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", ElsaFixtureName);

    /// <summary>The shared Elsa fixture (../shared/fixtures/elsa next to the repo), or null when that folder is absent.</summary>
    public static string? SharedElsaFixture
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "fixtures", "elsa", ElsaFixtureName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JustCulture.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No JustCulture.sln above {AppContext.BaseDirectory}.");
    }
}
