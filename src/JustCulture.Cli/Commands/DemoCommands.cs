using JustCulture.Domain;
using System.CommandLine;
using JustCulture.Application.Common;
using System.Globalization;
using JustCulture.Application.Demo;
using JustCulture.Application.Scale;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Cli.Commands;

internal static class DemoCommands
{
    public static Command BuildSeed()
    {
        var demo = new Command("demo", "Fill an empty database with a synthetic trust: ~1,700 staff, users for every role, concerns at every stage and route");
        demo.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var result = await cli.Get<DemoSeeder>().SeedAsync(cancellationToken: ct);
            await PrintSeedAsync(cli.Out, result);
            return ExitCodes.Ok;
        }));
        return new Command("seed", "Demo and scale data") { demo, BuildScale() };
    }

    /// <summary><c>seed scale</c>: a synthetic trust or region of any size, for load and scale work (README "Scale data").</summary>
    private static Command BuildScale()
    {
        var staff = new Option<int>("--staff") { Description = "People in the workforce", Required = true };
        var concerns = new Option<int>("--concerns") { Description = "Concerns raised over the reporting years", Required = true };
        var years = new Option<int>("--years") { Description = "Reporting years with concerns, ending with the current one", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and sizes give the same data", DefaultValueFactory = _ => 2025 };
        var stepDays = new Option<int>("--step-days")
        {
            Description = "Concerns opened in this many days before now are played step by step; older ones are built in bulk through the same steps' own parts",
            DefaultValueFactory = _ => 28,
        };
        var scale = new Command("scale", "Fill an empty database with a synthetic trust of any size: staff, a headcount snapshot per year, concerns at every stage, through the product's own steps")
        {
            staff, concerns, years, seed, stepDays,
        };
        scale.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var options = new ScaleSeedOptions(cli.Value(staff), cli.Value(concerns), cli.Value(years), cli.Value(seed), StepDays: cli.Value(stepDays))
            {
                Progress = new LineProgress(cli.Out),
            };
            var result = await cli.Get<ScaleSeeder>().SeedAsync(cli.Get<JustCultureDbContext>(), options, ct);
            await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {result.Staff} staff, {result.Users} users, {result.Snapshots} headcount snapshots, {result.Concerns} concerns."));
            await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {result.LogEntries} log entries from {result.Steps} steps in {result.Elapsed.TotalSeconds:0.0} s ({result.EntriesPerSecond:0} entries/s)."));
            await cli.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {result.BulkConcerns} concerns built in bulk, {result.Concerns - result.BulkConcerns} played step by step (the last {options.StepDays} days)."));
            await cli.Out.WriteLineAsync($"  concerns by status: {string.Join(", ", result.ConcernsByStatus.OrderBy(p => p.Key).Select(p => $"{Vocabulary.Stage(p.Key)} {p.Value}"))}");
            await cli.Out.WriteLineAsync($"  actions by route:   {string.Join(", ", result.ActionsByRoute.OrderBy(p => p.Key).Select(p => $"{Vocabulary.Route(p.Key)} {p.Value}"))}");
            return ExitCodes.Ok;
        }));
        return scale;
    }

    /// <summary>Writes each progress line as it comes (Progress&lt;T&gt; would post it later, out of order).</summary>
    private sealed class LineProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }

    public static Command BuildDemo()
    {
        var demo = new Command("demo", "Migrate, seed the demo trust (if empty) and walk three concerns to three different routes");
        demo.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var applied = await cli.Get<DatabaseMigrator>().MigrateAsync(ct);
            await cli.Out.WriteLineAsync($"Database {cli.Get<DatabaseLocation>()}: {applied.Count} migration(s) applied.");
            if (await cli.Get<JustCultureDbContext>().Staff.AnyAsync(ct))
            {
                await cli.Out.WriteLineAsync("Demo trust already present; not seeding again.");
            }
            else
            {
                await cli.Out.WriteLineAsync("Seeding the demo trust (a minute or so) ...");
                await PrintSeedAsync(cli.Out, await cli.Get<DemoSeeder>().SeedAsync(cancellationToken: ct));
            }

            await cli.Out.WriteLineAsync();
            await cli.Out.WriteLineAsync("Three new concerns, three routes:");
            await cli.Get<DemoWalkthrough>().RunAsync(line => cli.Out.WriteLineAsync(line), ct);

            var verification = await cli.Get<Application.Log.VerifyLogHandler>().HandleAsync(ct);
            await cli.Out.WriteLineAsync();
            await cli.Out.WriteLineAsync(verification.IsIntact
                ? $"Decision log intact: {verification.EntriesChecked:N0} entries, root {verification.RootHex}, consistent with {verification.CheckpointsChecked} signed checkpoint(s)."
                : $"Decision log BROKEN: {verification.Problem}");
            return verification.IsIntact ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return demo;
    }

    private static async Task PrintSeedAsync(TextWriter output, DemoSeedResult result)
    {
        await output.WriteLineAsync($"Seeded {result.Staff} staff, {result.Users} users, {result.Concerns} concerns.");
        // The counts arrive keyed by stored names; people read the vocabulary's words.
        await output.WriteLineAsync($"  concerns by status: {string.Join(", ", result.ConcernsByStatus.OrderBy(p => p.Key).Select(p => $"{Vocabulary.Stage(p.Key)} {p.Value}"))}");
        await output.WriteLineAsync($"  actions by route:   {string.Join(", ", result.ActionsByRoute.OrderBy(p => p.Key).Select(p => $"{Vocabulary.Route(p.Key)} {p.Value}"))}");
        await output.WriteLineAsync("  demo accounts:");
        foreach (var account in result.Accounts)
        {
            await output.WriteLineAsync($"    {account.UserId,-14} {Vocabulary.Role(account.Role)}");
        }
    }
}
