using System.Diagnostics;
using JustCulture.Application.Common;
using JustCulture.Application.Demo;
using JustCulture.Application.Staff;
using JustCulture.Application.Users;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Scale;

/// <summary>
/// Seeds a synthetic trust (or a whole region) of any size for load and scale work: the demo trust's workforce
/// model (<see cref="DemoTrustGenerator"/>: directorates, teams, line-management chains, a WRES ethnic mix), a
/// headcount snapshot for every reporting year, and concerns at every stage and route spread over those years.
/// Every write goes through the product's own use cases — staff import, add user, open concern, complete task —
/// on a simulated clock, so the decision log, its seals and its Merkle tree are exactly what live use would make
/// and <c>justculture log verify</c> passes. For speed, many steps share one transaction (each step still
/// whole inside it) and the sequencer integrates after each commit, so the queue never grows long; the
/// history takes a bulk path through the same steps' own parts (<see cref="ScaleSeedRun"/>).
/// Not all or nothing, unlike the demo seed: a failure leaves the steps committed so far; seed a fresh database.
/// </summary>
/// <remarks>Resolve it from the application's services (<c>AddJustCultureApplication</c> registers it) and pass the
/// context to fill; the context must not be in a transaction.</remarks>
public sealed class ScaleSeeder(TriageWorkflow triage, WorkflowRunner runner, TimeProvider clock, DecisionLogWriter log, DecisionLogSequencer sequencer)
{
    public async Task<ScaleSeedResult> SeedAsync(JustCultureDbContext db, ScaleSeedOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("The scale seeder commits as it goes; call it outside a transaction.");
        }

        if (await db.Staff.AnyAsync(ct) || await db.Concerns.AnyAsync(ct) || await db.Users.AnyAsync(ct))
        {
            throw UseCaseException.Conflict("The database already holds staff, users or concerns; seed scale needs an empty database.");
        }

        var stopwatch = Stopwatch.StartNew();
        var entriesBefore = await db.DecisionLog.LongCountAsync(ct);
        var run = new ScaleSeedRun(db, options, triage, runner, log, sequencer, clock.GetUtcNow().UtcDateTime);
        await run.ExecuteAsync(ct);
        await sequencer.CheckpointAsync(db, ct);
        stopwatch.Stop();
        return await SummariseAsync(db, run, entriesBefore, stopwatch.Elapsed, ct);
    }

    private static async Task<ScaleSeedResult> SummariseAsync(JustCultureDbContext db, ScaleSeedRun run, long entriesBefore, TimeSpan elapsed, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var byStatus = await db.Concerns.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byRoute = await db.ConcernActions.Where(a => a.Route != null).GroupBy(a => a.Route).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new ScaleSeedResult(
            await db.Staff.CountAsync(ct),
            await db.Users.CountAsync(ct),
            await db.HeadcountSnapshotHistory.CountAsync(ct),
            await db.Concerns.CountAsync(ct),
            run.Steps,
            run.BulkConcerns,
            await db.DecisionLog.LongCountAsync(ct) - entriesBefore,
            byStatus.ToDictionary(x => x.Key.ToString(), x => x.Count),
            byRoute.ToDictionary(x => x.Key!.Value.ToString(), x => x.Count),
            elapsed);
    }
}

/// <summary>The reporting years a seed covers: the first with concerns, the current one, and the year before the first.</summary>
internal readonly record struct SeedYears(ReportingYear First, ReportingYear Current)
{
    public static SeedYears Ending(DateTime nowUtc, int years)
    {
        var current = ReportingYear.Containing(nowUtc);
        return new SeedYears(new ReportingYear(current.StartYear - years + 1), current);
    }

    /// <summary>Every year with a snapshot, oldest first: the adoption year (before the first), then each seeded year.</summary>
    public IEnumerable<ReportingYear> WithSnapshots()
    {
        for (var year = First.Previous; year.CompareTo(Current) <= 0; year = new ReportingYear(year.StartYear + 1))
        {
            yield return year;
        }
    }
}
