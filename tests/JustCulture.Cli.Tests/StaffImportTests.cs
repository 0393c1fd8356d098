using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

public sealed class StaffImportTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();

    public async Task InitializeAsync() => await _cli.RunOkAsync("db", "migrate");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ImportsEveryRowAndReportsGroupsGivenValidFile()
    {
        var file = _cli.WriteFile("staff.csv", SmallTrust.Csv);

        var result = await _cli.RunAsync("staff", "import", file, "--year", "2024-25");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.Trim().ShouldBe("Imported 11 staff for 2024-25 (11 new, 0 updated): 5 White, 4 BME, 2 not stated.");
        (await _cli.RunAsync("user", "add", "lm9", "--name", "Line Manager", "--role", "LineManager", "--staff-ref", "M001")).ExitCode.ShouldBe(ExitCodes.Ok);
    }

    [Fact]
    public async Task UpdatesExistingStaffGivenSameFileImportedAgain()
    {
        var file = _cli.WriteFile("staff.csv", SmallTrust.Csv);
        await _cli.RunOkAsync("staff", "import", file, "--year", "2024-25");

        var again = await _cli.RunAsync("staff", "import", file, "--year", "2025-26");

        again.ExitCode.ShouldBe(ExitCodes.Ok, again.ToString());
        again.Stdout.ShouldContain("(0 new, 11 updated)");
    }

    [Fact]
    public async Task ListsEveryBadRowAndImportsNothingGivenSeveralBadRows()
    {
        var file = _cli.WriteFile("bad-staff.csv", SmallTrust.Csv + "\n" + string.Join('\n',
            "B001,,A,Band 5,Nursing,Medicine,2020-01-01,M001",
            "B002,Bad Code,QQ,Band 5,Nursing,Medicine,2020-01-01,M001",
            "B003,Bad Date,A,Band 5,Nursing,Medicine,2020-13-45,M001",
            "S001,Duplicate Ref,A,Band 5,Nursing,Medicine,2020-01-01,M001"));

        var result = await _cli.RunAsync("staff", "import", file, "--year", "2024-25");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("nothing was imported");
        var lines = result.Stderr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        (int Line, string Field)[] expected = [(13, "Name"), (14, "EthnicCode"), (15, "StartDate"), (16, "StaffRef")];
        foreach (var (line, field) in expected)
        {
            lines.ShouldContain(l => l.StartsWith($"bad-staff.csv line {line}, field {field}:", StringComparison.Ordinal), result.Stderr);
        }

        lines.Count(l => l.Contains("bad-staff.csv line ", StringComparison.Ordinal)).ShouldBe(expected.Length, result.Stderr);
        result.Stderr.ShouldContain("first on line 5");
        var user = await _cli.RunAsync("user", "add", "lm9", "--name", "Line Manager", "--role", "LineManager", "--staff-ref", "M001");
        user.ExitCode.ShouldBe(ExitCodes.NotFound, user.ToString());
        user.Stderr.ShouldContain("Unknown staff ref 'M001'");
    }

    [Fact]
    public async Task RefusesWithPathGivenMissingFile()
    {
        var missing = _cli.PathFor("no-such-file.csv");

        var result = await _cli.RunAsync("staff", "import", missing, "--year", "2024-25");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain(missing);
        result.Stderr.ShouldContain("file not found");
    }

    [Fact]
    public async Task RefusesGivenMalformedYear()
    {
        var file = _cli.WriteFile("staff.csv", SmallTrust.Csv);

        var result = await _cli.RunAsync("staff", "import", file, "--year", "2024");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("'2024' is not a reporting year");
    }

    private string PartialFile() => _cli.WriteFile("partial.csv", string.Join('\n', SmallTrust.Csv.Split('\n').Take(5)));

    [Fact]
    public async Task PrintsPreviewAndWritesNothingGivenDryRun()
    {
        var file = _cli.WriteFile("staff.csv", SmallTrust.Csv);
        await _cli.RunOkAsync("staff", "import", file, "--year", "2024-25");
        var log = await _cli.RunOkAsync("log", "verify");

        var result = await _cli.RunAsync("staff", "import", PartialFile(), "--year", "2024-25", "--dry-run");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain("Preview of partial.csv for 2024-25: nothing has been written.");
        result.Stdout.ShouldContain("4 people in the file: 0 new, 0 changed, 4 unchanged.");
        result.Stdout.ShouldContain("Leavers (in the current snapshot, not in this file): 7.");
        result.Stdout.ShouldContain("  White             5 ->       3");
        result.Stdout.ShouldContain("Warning: the headcount drops by 64%. Importing it needs --confirm-drop");
        (await _cli.RunOkAsync("log", "verify")).ShouldBe(log, "a dry run adds nothing to the log");
        var again = await _cli.RunAsync("staff", "import", file, "--year", "2024-25", "--dry-run");
        again.Stdout.ShouldContain("11 people in the file: 0 new, 0 changed, 11 unchanged.", customMessage: "the dry run stored nothing of the partial file");
    }

    [Fact]
    public async Task RefusesBigDropWithRuleExitCodeAndWritesNothingGivenNoConfirmDrop()
    {
        var file = _cli.WriteFile("staff.csv", SmallTrust.Csv);
        await _cli.RunOkAsync("staff", "import", file, "--year", "2024-25");

        var result = await _cli.RunAsync("staff", "import", PartialFile(), "--year", "2024-25");

        result.ExitCode.ShouldBe(ExitCodes.RuleViolated, result.ToString());
        result.Stderr.ShouldContain("error: The file has 4 people, 64% fewer than the 11 in the current 2024-25 snapshot.");
        result.Stderr.ShouldContain("run again with --confirm-drop");
        (await _cli.RunAsync("staff", "import", file, "--year", "2024-25", "--dry-run")).Stdout.ShouldContain("Leavers (in the current snapshot, not in this file): 0.");
    }

    [Fact]
    public async Task ImportsAndKeepsOldSnapshotGivenConfirmDrop()
    {
        var file = _cli.WriteFile("staff.csv", SmallTrust.Csv);
        await _cli.RunOkAsync("staff", "import", file, "--year", "2024-25");

        var result = await _cli.RunAsync("staff", "import", PartialFile(), "--year", "2024-25", "--confirm-drop");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain("Imported 4 staff for 2024-25 (0 new, 4 updated)");
        result.Stdout.ShouldContain("The 2024-25 snapshot it replaces is kept in the snapshot history.");
    }

    [Fact]
    public async Task ImportsEsrExportGivenSampleInEsrHeadings()
    {
        var result = await _cli.RunAsync("staff", "import", StaffSamples.EsrExportPath, "--year", "2024-25");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.Trim().ShouldBe($"Imported {StaffSamples.People} staff for 2024-25 ({StaffSamples.People} new, 0 updated): {StaffSamples.White} White, {StaffSamples.Bme} BME, {StaffSamples.NotStated} not stated.");
    }
}
