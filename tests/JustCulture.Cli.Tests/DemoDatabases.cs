namespace JustCulture.Cli.Tests;

/// <summary>
/// One database filled by <c>seed demo</c> (about 20 s), shared by the tests of <see cref="SeedDemoTests"/>.
/// </summary>
public sealed class SeededDemoDatabase : IAsyncLifetime
{
    public CliSession Cli { get; } = new();

    /// <summary>What the first <c>seed demo</c>, on the empty migrated database, returned.</summary>
    public CliResult Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cli.RunOkAsync("db", "migrate");
        Seed = await Cli.RunAsync("seed", "demo");
    }

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// One database built from nothing by <c>demo</c> (migrate, seed, walk three concerns), shared by the tests of
/// <see cref="DemoTests"/>.
/// </summary>
public sealed class DemoRunDatabase : IAsyncLifetime
{
    public CliSession Cli { get; } = new();

    /// <summary>What <c>demo</c> on a database file that did not exist returned.</summary>
    public CliResult Demo { get; private set; } = null!;

    public async Task InitializeAsync() => Demo = await Cli.RunAsync("demo");

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }
}
