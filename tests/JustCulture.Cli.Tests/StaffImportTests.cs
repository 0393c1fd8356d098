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
}
