namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>OpenSSL on this machine, for the interop tests: they show our files and signatures are the standard ones.</summary>
internal static class OpenSsl
{
    public const string Path = "/usr/bin/openssl";

    public static bool IsAvailable => File.Exists(Path);

    public static string MissingMessage =>
        $"OPENSSL INTEROP TESTS NOT RUN: {Path} was not found. Install it (apt-get install openssl) to check that keys "
        + "and signatures interoperate with OpenSSL.";
}

/// <summary>A fact that runs OpenSSL: skipped, saying why, when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenSslFactAttribute : FactAttribute
{
    public OpenSslFactAttribute()
    {
        if (!OpenSsl.IsAvailable)
        {
            Skip = OpenSsl.MissingMessage;
        }
    }
}

/// <summary>
/// A fact that needs a file this process cannot read. Root (and Windows, without Unix modes) can read any file
/// whatever its mode, so there the test is skipped, saying why, rather than passing without proving anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnreadableFilesFactAttribute : FactAttribute
{
    public UnreadableFilesFactAttribute()
    {
        if (OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess)
        {
            Skip = "Not run as root or on Windows: file modes cannot make a file unreadable to this process.";
        }
    }
}
