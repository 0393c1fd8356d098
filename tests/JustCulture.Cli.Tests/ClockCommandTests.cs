using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

/// <summary>
/// <c>clocks digest</c> against a real SMTP server on 127.0.0.1: the small trust with two formal investigations just
/// started, so the reviewer has two stages due and the line manager none.
/// </summary>
public sealed class ClockCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();
    private readonly LocalSmtpServer _smtp = new();

    public async Task InitializeAsync()
    {
        await _cli.SeedSmallTrustAsync();
        await _cli.RunOkAsync("staff", "import", _cli.PathFor("small-trust.csv"), "--year", ReportCommandTests.CurrentYear);
        await ReportCommandTests.FormalAsync(_cli, "S001");
        await ReportCommandTests.FormalAsync(_cli, "S002");
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private string[] Digest(params string[] more) =>
        ["clocks", "digest", "--smtp-host", "127.0.0.1", "--smtp-port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--from", "justculture@trust.example", .. more];

    [Fact]
    public async Task SendsOnlyTheRecipientWithWorkDueTheirOwnListGivenThreeRecipients()
    {
        var output = await _cli.RunOkAsync(Digest("--to", $"{SmallTrust.Reviewer}=reviewer@trust.example", "--to", $"{SmallTrust.LineManager}=manager@trust.example",
            "--to", "nobody=nobody@trust.example", "--base-url", "https://justculture.trust.example"));

        output.ShouldContain("Sent 1; 1 with nothing due; 1 not users of the product.");
        var message = (await _smtp.WaitForAsync(1)).ShouldHaveSingleItem();
        message.To.Mailboxes.Single().Address.ShouldBe("reviewer@trust.example");
        message.Subject.ShouldStartWith("JustCulture: 0 overdue, 2 due");
        var body = message.TextBody ?? string.Empty;
        body.ShouldContain("formal investigation: due");
        body.ShouldContain("https://justculture.trust.example/Clocks");
        message.ToString().ShouldNotContain("Staff One");
    }

    [Fact]
    public async Task SendsNothingNamingTheArgumentGivenARecipientWithoutAnAddress()
    {
        var refused = await _cli.RunAsync(Digest("--to", $"{SmallTrust.Reviewer}=reviewer@trust.example", "--to", SmallTrust.LineManager));

        refused.ExitCode.ShouldBe(2);
        refused.Stderr.ShouldContain($"--to '{SmallTrust.LineManager}'");
        await Task.Delay(200);
        _smtp.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task PrintsTheMessagesWithoutSendingGivenDryRun()
    {
        var output = await _cli.RunOkAsync(Digest("--to", $"{SmallTrust.Reviewer}=reviewer@trust.example", "--dry-run"));

        output.ShouldContain("To: reviewer@trust.example (cm1)");
        output.ShouldContain("formal investigation: due");
        await Task.Delay(200);
        _smtp.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task SaysTheServerCouldNotBeReachedGivenNothingListening()
    {
        var failed = await _cli.RunAsync("clocks", "digest", "--smtp-host", "127.0.0.1", "--smtp-port", "1", "--from", "justculture@trust.example",
            "--to", $"{SmallTrust.Reviewer}=reviewer@trust.example");

        failed.ExitCode.ShouldBe(1);
        failed.Stderr.ShouldContain("the digest could not be sent through 127.0.0.1:1");
    }
}
