using System.Globalization;
using System.Text.RegularExpressions;

namespace JustCulture.Cli.Tests;

public sealed partial class SeedDemoTests(SeededDemoDatabase database) : IClassFixture<SeededDemoDatabase>
{
    [GeneratedRegex(@"Seeded (?<staff>\d+) staff, (?<users>\d+) users, (?<concerns>\d+) concerns\.")]
    private static partial Regex SeededLine();

    [Fact]
    public void ReportsStaffUsersAndConcernsGivenEmptyDatabase()
    {
        var seed = database.Seed;

        seed.ExitCode.ShouldBe(ExitCodes.Ok, seed.ToString());
        var match = SeededLine().Match(seed.Stdout);
        match.Success.ShouldBeTrue(seed.Stdout);
        match.Groups["staff"].Value.ShouldBe("1700");
        int.Parse(match.Groups["users"].Value, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(4);
        int.Parse(match.Groups["concerns"].Value, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        seed.Stdout.ShouldContain("concerns by status:");
        seed.Stdout.ShouldContain("actions by route:");
        seed.Stdout.ShouldContain("linemanager");
        seed.Stdout.ShouldContain("commissioning");
        // Words, not the enums' stored names.
        seed.Stdout.ShouldContain("Formal investigation ");
        seed.Stdout.ShouldContain("commissioning manager");
        foreach (var name in new[] { "AwaitingReview", "FormalInvestigation", "CommissioningManager", "LineManager", "NoFurtherAction" })
        {
            seed.Stdout.ShouldNotContain(name, Case.Sensitive);
        }
    }

    [Fact]
    public async Task RefusesWithConflictGivenDatabaseAlreadySeeded()
    {
        var again = await database.Cli.RunAsync("seed", "demo");

        again.ExitCode.ShouldBe(ExitCodes.Conflict, again.ToString());
        again.Stderr.ShouldContain("needs an empty database");
        again.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task LeavesIntactLogGivenSeededDatabase()
    {
        var verify = await database.Cli.RunAsync("log", "verify");

        verify.ExitCode.ShouldBe(ExitCodes.Ok, verify.ToString());
        verify.Stdout.ShouldStartWith("Log intact: ");
    }
}
