using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

public sealed class UserAddTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();

    public async Task InitializeAsync()
    {
        await _cli.RunOkAsync("db", "migrate");
        await _cli.RunOkAsync("staff", "import", _cli.WriteFile("staff.csv", SmallTrust.Csv), "--year", "2024-25");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task AddsUserGivenKnownRoleAndStaffRef()
    {
        var result = await _cli.RunAsync("user", "add", "lm1", "--name", "Manager One", "--role", "LineManager", "--staff-ref", "M001");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.Trim().ShouldBe("Added lm1 as LineManager (staff M001).");
    }

    [Fact]
    public async Task RefusesAndListsRolesGivenUnknownRole()
    {
        var result = await _cli.RunAsync("user", "add", "boss", "--name", "Boss", "--role", "Overlord");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("Role: Choose a role");
        result.Stderr.ShouldContain("CommissioningManager");
        (await _cli.RunAsync("user", "add", "boss", "--name", "Boss", "--role", "Auditor")).ExitCode.ShouldBe(ExitCodes.Ok, "the refused user must not have been stored");
    }

    [Fact]
    public async Task RefusesGivenUserIdAlreadyTaken()
    {
        await _cli.RunOkAsync("user", "add", "aud", "--name", "Auditor", "--role", "Auditor");

        var result = await _cli.RunAsync("user", "add", "aud", "--name", "Auditor Again", "--role", "Auditor");

        result.ExitCode.ShouldBe(ExitCodes.Conflict, result.ToString());
        result.Stderr.ShouldContain("already exists");
    }

    [Fact]
    public async Task RefusesGivenUnknownStaffRef()
    {
        var result = await _cli.RunAsync("user", "add", "lm9", "--name", "Nobody", "--role", "LineManager", "--staff-ref", "Z999");

        result.ExitCode.ShouldBe(ExitCodes.NotFound, result.ToString());
        result.Stderr.ShouldContain("'Z999'");
    }

    [Fact]
    public async Task RefusesWithConflictGivenStaffRefLinkedToAnotherUser()
    {
        await _cli.RunOkAsync("user", "add", "lm1", "--name", "Manager One", "--role", "LineManager", "--staff-ref", "M001");

        var result = await _cli.RunAsync("user", "add", "cm.m001", "--name", "Manager One Again", "--role", "CommissioningManager", "--staff-ref", "M001");

        result.ExitCode.ShouldBe(ExitCodes.Conflict, result.ToString());
        result.Stderr.ShouldContain("StaffRef: Staff ref 'M001' is already linked to user 'lm1'");
        (await _cli.RunAsync("user", "add", "cm.m001", "--name", "Someone Else", "--role", "CommissioningManager")).ExitCode.ShouldBe(ExitCodes.Ok, "the refused user must not have been stored");
    }
}
