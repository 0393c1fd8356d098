namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The machine's Chromium (Debian package <c>chromium</c>): no browser is downloaded. Without it browser tests are
/// skipped with a message saying so, unless a browser is required (<c>JUSTCULTURE_REQUIRE_BROWSER=1</c> or
/// <c>CI=true</c>): then they run and fail, because a CI run that silently skips the browser proves nothing.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary><c>JUSTCULTURE_CHROMIUM</c> or <see cref="DefaultPath"/>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("JUSTCULTURE_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    public static bool IsAvailable => File.Exists(ExecutablePath);

    public static bool IsRequired =>
        Environment.GetEnvironmentVariable("JUSTCULTURE_REQUIRE_BROWSER") is "1" or "true"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"BROWSER TESTS NOT RUN: Chromium was not found at {ExecutablePath}. Install it (apt-get install chromium) or set "
        + "JUSTCULTURE_CHROMIUM; set JUSTCULTURE_REQUIRE_BROWSER=1 to make its absence a failure.";

    /// <summary>
    /// Launch arguments: as root Chromium needs --no-sandbox; the rest keep it from reaching out to the network or
    /// doing background work during a test run.
    /// </summary>
    public static IReadOnlyList<string> Arguments { get; } =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
}

/// <summary>A fact that drives Chromium: skipped loudly when it is missing, unless a browser is required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsAvailable && !Chromium.IsRequired)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}

/// <summary>The theory counterpart of <see cref="BrowserFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!Chromium.IsAvailable && !Chromium.IsRequired)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}
