using System.Text.Json;
using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.Application.Retention;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Reports;

/// <summary>
/// The end of retention, end to end: the retention run erases people's case data, and afterwards the log verifies
/// against the checkpoints signed before, indicator 3 and the funnel for those past years are what they were — live
/// and recomputed offline from an export — and the erased fields cannot be read
/// (docs/decisions/0009-forgetting-without-breaking-the-record.md).
/// </summary>
public abstract class ReportsAfterErasureTests : ReportTestBase
{
    private const string Rationale = "Serious and repeated; reviewed with HR advice.";

    /// <summary>Formal investigations in both years (S002 twice, BME), a white one, a case reviewed to no further action.</summary>
    private async Task SeedPastYearsAsync()
    {
        AtUkTime(2024, 10, 1, 9, 0);
        await FormalAsync("S003");
        AtUkTime(2025, 6, 10, 9, 0);
        await FormalAsync("S002");
        await FormalAsync("S002", 'A');
        await FormalAsync("S001");
        await ReviewAsync(await ToReviewAsync("S005", 'G'), "NoFurtherAction");
    }

    private static string Figures(Indicator3Report report) => JsonSerializer.Serialize(report with
    {
        Source = string.Empty,
        Years = [.. report.Years.Select(y => y with { Source = string.Empty })],
        Checkpoint = null,
    });

    private static string Figures(FunnelReport report) => JsonSerializer.Serialize(new { report.Stages, report.Warnings });

    private Task<OfflineIndicator3Result> OfflineAsync(string export) =>
        App.RunAsync<OfflineIndicator3Handler, OfflineIndicator3Result>(h => h.HandleAsync(new OfflineIndicator3Query(
            new StringReader(export), "log.jsonl",
            [(Year, new StringReader(SmallTrust.Csv), "staff-2025-26.csv"), ("2024-25", new StringReader(SmallTrust.Csv), "staff-2024-25.csv")],
            Year, App.Services.GetRequiredService<DecisionLogTrust>().Verifier(), null, "rolling")));

    private Task<RetentionRunResult> RunRetentionAsync(DateOnly asOf) =>
        App.RunAsync<RunRetentionHandler, RetentionRunResult>(h => h.HandleAsync(
            new RunRetentionCommand(asOf, RetentionPeriod.Default, new Actor(SmallTrust.Administrator, "Administrator"))));

    [Fact]
    public async Task KeepsVerifyAndPastFiguresAndMakesFieldsUnreadableGivenRetentionRun()
    {
        await SeedPastYearsAsync();
        var single = await Indicator3Async();
        var rolling = await Indicator3Async(basis: "rolling");
        var funnel = await FunnelAsync();
        var before = await App.RunAsync<CheckpointLogHandler, Persistence.DecisionLog.Checkpoints.StoredCheckpoint?>(h => h.HandleAsync());
        var offlineBefore = await OfflineAsync(await ExportAsync());
        var concerns = await App.QueryAsync(db => db.Concerns.AsNoTracking().Select(c => c.Id).ToListAsync());
        // Not vacuous: both groups enter, someone twice, someone in each year.
        single.Bme.Entering.ShouldBe(1);
        single.White.Entering.ShouldBe(1);
        rolling.Bme.Entering.ShouldBe(2);

        App.Clock.UtcNow = new DateTime(2032, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        var run = await RunRetentionAsync(new DateOnly(2032, 6, 1));

        run.Erasures.Select(e => e.StaffRef).ShouldBe(["S001", "S002", "S003", "S005"], ignoreOrder: true);
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
        verification.CheckpointsChecked.ShouldBeGreaterThan(0);
        Figures(await Indicator3Async()).ShouldBe(Figures(single));
        Figures(await Indicator3Async(basis: "rolling")).ShouldBe(Figures(rolling));
        Figures(await FunnelAsync()).ShouldBe(Figures(funnel));
        var offlineAfter = await OfflineAsync(await ExportAsync());
        Figures(offlineAfter.Report).ShouldBe(Figures(offlineBefore.Report));
        Figures(offlineAfter.Report).ShouldBe(Figures(rolling));

        // The checkpoint signed before the erasure still holds: the tree only grew (by the erasure entries).
        var after = await App.RunAsync<CheckpointLogHandler, Persistence.DecisionLog.Checkpoints.StoredCheckpoint?>(h => h.HandleAsync());
        after!.Checkpoint.Size.ShouldBeGreaterThan(before!.Checkpoint.Size);
        // Nobody can open what was erased; the stored text is still there, unchanged and unreadable.
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        var keyring = await scope.ServiceProvider.GetRequiredService<CaseDataProtector>().KeyringAsync(db, concerns);
        var sealedEntries = await db.DecisionLog.AsNoTracking()
            .Where(e => e.ConcernId != null && e.EventType != LogEventTypes.PersonalDataErased && e.Rationale != null).ToListAsync();
        sealedEntries.ShouldNotBeEmpty();
        sealedEntries.ShouldAllBe(e => e.Rationale!.StartsWith(CaseFieldCipher.FieldPrefix));
        sealedEntries.Select(keyring.Open).ShouldAllBe(o => o.Erased && o.Rationale == null && o.SubjectStaffRef == null);
        (await ExportAsync()).ShouldNotContain(Rationale);
    }

    [Fact]
    public async Task RefusesLiveFiguresGivenACaseKeyDestroyedWithoutAnErasureOnRecord()
    {
        await SeedPastYearsAsync();
        (await Indicator3Async()).Bme.Entering.ShouldBe(1);
        // What an insider with the database's rights can do: null a key (the trigger allows erasing), but not write the
        // sealed erasure entry that records whom the case was about. The case must not quietly drop out of the figures.
        await App.QueryAsync(db => db.CaseDataKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.WrappedKey, (string?)null).SetProperty(k => k.ErasedAtUtc, DateTime.UtcNow)));

        var ex = await Should.ThrowAsync<UseCaseException>(() => Indicator3Async());

        ex.Error.ShouldBe(UseCaseError.LogBroken);
        ex.Message.ShouldContain("is erased but the log records no erasure of it");
    }
}

public sealed class SqliteReportsAfterErasureTests : ReportsAfterErasureTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresReportsAfterErasureTests : ReportsAfterErasureTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
