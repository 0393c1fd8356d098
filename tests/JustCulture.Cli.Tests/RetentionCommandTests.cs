using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

public sealed class RetentionCommandTests : IAsyncLifetime, IDisposable
{
    private const string Rationale = "Considered the system first.";
    private readonly CliSession _cli = new();

    public Task InitializeAsync() => _cli.SeedSmallTrustAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("JUSTCULTURE_RETENTION_YEARS", null);
        _cli.Dispose();
    }

    private async Task<Guid> ClosedAsync(string subject = "S001")
    {
        var concernId = await _cli.OpenConcernAsync(subject);
        await _cli.AnswerChecklistAsync(concernId, SmallTrust.PathTo('G'));
        await _cli.AnswerNextAsync(concernId, SmallTrust.Reviewer, "NoFurtherAction", "--rationale", Rationale);
        return concernId;
    }

    [Fact]
    public async Task ListsThePersonDueWithThePeriodAndItsSourceGivenAClosedCase()
    {
        var concernId = await ClosedAsync();

        var stdout = await _cli.RunOkAsync("retention", "due", "--as-of", "2040-01-01");

        stdout.ShouldStartWith("Retention period: 6 years (the default). As of 1 January 2040, 1 person due for erasure:");
        stdout.ShouldContain($"S001 Staff One: {JustCulture.Domain.Concerns.CaseReference.Of(concernId)}; last activity ");
        (await _cli.RunOkAsync("retention", "due")).ShouldContain("0 people due for erasure.");
        (await _cli.RunOkAsync("--retention-years", "20", "retention", "due", "--as-of", "2040-01-01"))
            .ShouldStartWith("Retention period: 20 years (the setting --retention-years). As of 1 January 2040, 0 people due for erasure.");
    }

    [Fact]
    public async Task ErasesAndCheckpointsGivenARunAndWritesNothingGivenADryRun()
    {
        var concernId = await ClosedAsync();
        var checkpoints = _cli.CheckpointFiles().Count;

        var dry = await _cli.RunOkAsync("retention", "run", "--as-of", "2040-01-01", "--dry-run");

        dry.ShouldStartWith("Dry run, nothing was written.");
        dry.ShouldContain("1 person would be erased");
        _cli.CheckpointFiles().Count.ShouldBe(checkpoints);
        (await _cli.RunOkAsync("retention", "due", "--as-of", "2040-01-01")).ShouldContain("1 person due");

        var run = await _cli.RunOkAsync("retention", "run", "--as-of", "2040-01-01");

        run.ShouldContain("1 person erased:");
        run.ShouldMatch(@"(?s).*now known as erased:[0-9a-f]{16}.*");
        run.ShouldContain("frozen groups: ");
        _cli.CheckpointFiles().Count.ShouldBeGreaterThan(checkpoints);
        (await _cli.RunOkAsync("log", "verify")).ShouldStartWith("Log intact: ");
        (await _cli.RunOkAsync("retention", "due", "--as-of", "2040-01-01")).ShouldContain("0 people due");

        var step = await _cli.RunAsync("log", "prove", "--concern", concernId.ToString(), "--out", _cli.PathFor("proofs"));
        step.ExitCode.ShouldBe(ExitCodes.Ok, step.ToString());
    }

    [Fact]
    public async Task WritesTheDocumentAndLogsItGivenAStaffRef()
    {
        await ClosedAsync();
        var file = _cli.PathFor("s001.html");

        var stdout = await _cli.RunOkAsync("subject-access", "--staff-ref", "S001", "--out", file);

        stdout.ShouldContain("S001 (1 case(s))");
        var html = await File.ReadAllTextAsync(file);
        html.ShouldContain("Staff One");
        html.ShouldContain(Rationale);
        (await _cli.RunOkAsync("log", "verify")).ShouldStartWith("Log intact: ");
    }

    [Theory]
    [InlineData("0", "--retention-years must be a whole number of years from 1 to 100; '0' is not.")]
    [InlineData("six", "--retention-years must be a whole number of years from 1 to 100; 'six' is not.")]
    public async Task ExitsTwoNamingTheOptionGivenABadPeriod(string years, string message)
    {
        var result = await _cli.RunAsync("--retention-years", years, "retention", "due");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldBe($"error: {message}{Environment.NewLine}");
    }

    [Fact]
    public async Task NamesTheVariableGivenABadPeriodInTheEnvironment()
    {
        Environment.SetEnvironmentVariable("JUSTCULTURE_RETENTION_YEARS", "101");

        var result = await _cli.RunAsync("retention", "run", "--dry-run");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldStartWith("error: JUSTCULTURE_RETENTION_YEARS must be a whole number of years");
    }

    [Fact]
    public async Task ExitsTwoNamingTheOptionGivenABadDateOrOutputFile()
    {
        var date = await _cli.RunAsync("retention", "due", "--as-of", "1/1/2040");
        date.ExitCode.ShouldBe(ExitCodes.Invalid, date.ToString());
        date.Stderr.ShouldStartWith("error: --as-of '1/1/2040' is not a date; write YYYY-MM-DD.");

        var folder = await _cli.RunAsync("subject-access", "--staff-ref", "S001", "--out", _cli.PathFor(Path.Combine("missing", "s001.html")));
        folder.ExitCode.ShouldBe(ExitCodes.Invalid, folder.ToString());
        folder.Stderr.ShouldStartWith("error: --out ");
        folder.Stderr.ShouldContain("does not exist");

        var empty = await _cli.RunAsync("subject-access", "--staff-ref", " ", "--out", _cli.PathFor("x.html"));
        empty.ExitCode.ShouldBe(ExitCodes.Invalid, empty.ToString());
        empty.Stderr.ShouldStartWith("error: --staff-ref is empty");

        var missing = await _cli.RunAsync("subject-access", "--out", _cli.PathFor("x.html"));
        missing.ExitCode.ShouldBe(ExitCodes.Invalid, missing.ToString());
        missing.Stderr.ShouldContain("--staff-ref");
    }

    [Fact]
    public async Task ExitsThreeGivenAStaffRefNobodyHas()
    {
        var result = await _cli.RunAsync("subject-access", "--staff-ref", "NOBODY", "--out", _cli.PathFor("x.html"));

        result.ExitCode.ShouldBe(ExitCodes.NotFound, result.ToString());
        result.Stderr.ShouldStartWith("error: No staff record and no case about staff ref NOBODY");
        File.Exists(_cli.PathFor("x.html")).ShouldBeFalse();
    }

    [Fact]
    public async Task ShowsThePseudonymAndNoSummaryGivenTheCaseErased()
    {
        var concernId = await ClosedAsync();
        await _cli.RunOkAsync("retention", "run", "--as-of", "2040-01-01");

        var show = await _cli.RunOkAsync("concern", "show", concernId.ToString(), "--format", "json");

        show.ShouldContain("\"subjectStaffRef\":\"erased:");
        show.ShouldContain("Erased at the end of its retention period");
        show.ShouldNotContain("Something happened on the ward");
        show.ShouldNotContain("S001");
    }
}
