namespace JustCulture.Cli.Tests;

/// <summary>Arguments the parser itself refuses are invalid input (exit 2), never "log broken or unexpected" (exit 1).</summary>
public sealed class ParseErrorTests : IDisposable
{
    private readonly CliSession _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("task", "complete", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--answer", "No")]
    [InlineData("concern", "show", "not-a-guid")]
    [InlineData("task", "complete", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--as", "lm1", "--answer", "No", "--if-version", "seven")]
    [InlineData("concern", "frobnicate")]
    [InlineData("task", "list", "--format", "xml")]
    public async Task RefusesWithInvalidGivenArgumentsTheParserRejects(params string[] args)
    {
        var result = await _cli.RunAsync(args);

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task PrintsHelpAndSucceedsGivenHelpOption()
    {
        var result = await _cli.RunAsync("task", "complete", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain("--if-version");
        result.Stderr.ShouldBeEmpty();
    }
}
