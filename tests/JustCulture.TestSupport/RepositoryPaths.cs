namespace JustCulture.TestSupport;

/// <summary>Locates the repository from a test's output directory.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The directory holding JustCulture.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The declarative workflow definitions (repo/workflows).</summary>
    public static string WorkflowsDirectory => Path.Combine(RepoRoot, "workflows");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JustCulture.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"JustCulture.sln not found in {AppContext.BaseDirectory} or any parent directory.");
    }
}
