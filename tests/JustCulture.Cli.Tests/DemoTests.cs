namespace JustCulture.Cli.Tests;

public sealed class DemoTests(DemoRunDatabase database) : IClassFixture<DemoRunDatabase>
{
    [Fact]
    public void SucceedsAndWalksThreeRoutesGivenNewDatabase()
    {
        var demo = database.Demo;

        demo.ExitCode.ShouldBe(ExitCodes.Ok, demo.ToString());
        demo.Stdout.ShouldContain("Seeded 1700 staff");
        demo.Stdout.ShouldContain("Three new concerns, three routes:");
        demo.Stdout.ShouldContain("route System learning, final status");
        demo.Stdout.ShouldContain("route Support, final status");
        demo.Stdout.ShouldContain("route Formal investigation, final status Formal investigation");
        demo.Stdout.ShouldContain("Decision log intact");
        demo.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task LeavesIntactLogGivenDemoWalkthrough()
    {
        var verify = await database.Cli.RunAsync("log", "verify");

        verify.ExitCode.ShouldBe(ExitCodes.Ok, verify.ToString());
        var entries = verify.Stdout.Split("Log intact: ")[1].Split(' ')[0];
        database.Demo.Stdout.ShouldContain($"Decision log intact: {entries} entries");
    }
}
