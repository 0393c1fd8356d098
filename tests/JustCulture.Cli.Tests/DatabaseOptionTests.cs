namespace JustCulture.Cli.Tests;

public sealed class DatabaseOptionTests
{
    [Fact]
    public async Task RefusesWithClearMessageGivenUnknownProvider()
    {
        var result = await CliSession.RunRawAsync("--database", "nope:x", "db", "migrate");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("unknown provider 'nope'");
        result.Stderr.ShouldContain("sqlite:<path>");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesGivenProviderWithoutLocation()
    {
        var result = await CliSession.RunRawAsync("--database", "sqlite:", "log", "verify");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("'sqlite:' is not valid");
    }
}
