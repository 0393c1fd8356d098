using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

public sealed class ConcernCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();

    public Task InitializeAsync() => _cli.SeedSmallTrustAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task PrintsOnlyTheNewIdGivenValidConcern()
    {
        var result = await _cli.RunAsync("concern", "open", "--subject", "S001", "--raised-by", SmallTrust.LineManager,
            "--summary", "Late dose", "--action", "Gave a dose late", "--action", "Did not escalate", "--category", "Medication", "--incident-date", "2025-05-30");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        Guid.TryParse(result.Stdout.Trim(), out var id).ShouldBeTrue(result.Stdout);
        var concern = await _cli.ShowConcernAsync(id);
        concern.GetProperty("subjectStaffRef").GetString().ShouldBe("S001");
        concern.GetProperty("category").GetString().ShouldBe("Medication");
        concern.GetProperty("incidentDate").GetString().ShouldBe("2025-05-30");
        concern.GetProperty("actions").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task RefusesWithNotFoundGivenUnknownStaffRef()
    {
        var result = await _cli.RunAsync("concern", "open", "--subject", "NOPE", "--raised-by", SmallTrust.LineManager, "--summary", "x", "--action", "y", "--category", "Conduct");

        result.ExitCode.ShouldBe(ExitCodes.NotFound, result.ToString());
        result.Stderr.ShouldContain("Unknown staff ref 'NOPE'");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesWithForbiddenGivenRaiserIsNotLineManager()
    {
        var result = await _cli.RunAsync("concern", "open", "--subject", "S001", "--raised-by", SmallTrust.Reviewer, "--summary", "x", "--action", "y", "--category", "Conduct");

        result.ExitCode.ShouldBe(ExitCodes.Forbidden, result.ToString());
    }

    [Fact]
    public async Task RefusesWithInvalidGivenMalformedIncidentDate()
    {
        var result = await _cli.RunAsync("concern", "open", "--subject", "S001", "--raised-by", SmallTrust.LineManager, "--summary", "x", "--action", "y", "--category", "Conduct", "--incident-date", "30/05/2025");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("--incident-date '30/05/2025' is not a date");
    }

    [Fact]
    public async Task ShowsStatusAndActionsGivenTextFormat()
    {
        var id = await _cli.OpenConcernAsync();

        var text = await _cli.RunOkAsync("concern", "show", id.ToString());

        text.ShouldContain($"Concern {id} about S001, raised by {SmallTrust.LineManager}");
        text.ShouldContain("action 1: Checklist to answer; outcome Checklist not finished; route Not decided");
    }

    [Fact]
    public async Task RefusesWithNotFoundGivenUnknownConcernId()
    {
        var id = Guid.NewGuid();

        var result = await _cli.RunAsync("concern", "show", id.ToString());

        result.ExitCode.ShouldBe(ExitCodes.NotFound, result.ToString());
        result.Stderr.ShouldContain(id.ToString());
    }
}
