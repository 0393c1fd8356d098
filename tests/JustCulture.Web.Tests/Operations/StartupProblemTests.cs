using JustCulture.Web.Hosting;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Operations;

/// <summary>A bad database setting stops the app at start with one line naming the setting, and no password.</summary>
public sealed class StartupProblemTests
{
    public const string UnreachablePostgres = "postgres:Host=127.0.0.1;Port=1;Database=nowhere;Username=app;Password=Secret-pw-9;Timeout=2";
    public const string MalformedPostgres = "postgres:Host=127.0.0.1;Database=x;Colour Of Sky=blue";

    private static string StartAndDescribe(string database)
    {
        var log = Path.Combine(Path.GetTempPath(), $"jc-startup-{Guid.NewGuid():N}");
        using var factory = new JustCultureWebFactory(database, settings: new Dictionary<string, string?>
        {
            ["JustCulture:SeedDemo"] = "false",
            ["JustCulture:SigningKey"] = Path.Combine(log, "log-key.pem"),
            ["JustCulture:Checkpoints"] = Path.Combine(log, "checkpoints"),
        });
        var failure = Should.Throw<Exception>(() => factory.Services);
        return StartupProblems.Describe(failure);
    }

    [Fact]
    public void DescribesUnreachableDatabaseInOneLineGivenNothingListening()
    {
        var message = StartAndDescribe(UnreachablePostgres);

        message.ShouldStartWith("JustCulture could not start: the database in JustCulture:Database could not be reached or opened:");
        message.ShouldNotContain("\n");
        message.ShouldNotContain("Secret-pw-9");
    }

    [Fact]
    public void DescribesMalformedConnectionStringInOneLineGivenUnknownKeyword()
    {
        var message = StartAndDescribe(MalformedPostgres);

        message.ShouldStartWith("JustCulture could not start: JustCulture:Database has a malformed connection string:");
        message.ShouldContain("colour of sky", Case.Insensitive);
        message.ShouldNotContain("\n");
    }

    [Fact]
    public void DescribesUnknownSchemeInOneLineGivenTypo()
    {
        var message = StartAndDescribe("sqlight:justculture.db");

        message.ShouldStartWith("JustCulture could not start: Database 'sqlight:justculture.db' names an unknown provider");
    }
}
