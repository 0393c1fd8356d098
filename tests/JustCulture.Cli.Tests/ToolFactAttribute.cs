namespace JustCulture.Cli.Tests;

/// <summary>A fact that needs programs on the PATH (e.g. python3, openssl); skipped, naming what is missing, when they are absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] programs)
    {
        var missing = programs.Where(p => ProgramPath(p) is null).ToList();
        if (missing.Count > 0)
        {
            Skip = $"{string.Join(" and ", missing)} not found on the PATH; this test runs the program itself.";
        }
    }

    public static string? ProgramPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
