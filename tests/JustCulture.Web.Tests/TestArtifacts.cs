namespace JustCulture.Web.Tests;

/// <summary>Where the tests leave what a person may want to look at: <c>TestResults/</c> under the test output directory.</summary>
public static class TestArtifacts
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults");

    public static string Screenshots { get; } = Path.Combine(Directory, "screenshots");
}
