using System.Text.Json;
using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Reports;

/// <summary>An auditor's recomputation from a log export and the staff files alone gives the live figures.</summary>
public abstract class OfflineIndicator3Tests : ReportTestBase
{
    private Task<OfflineIndicator3Result> OfflineAsync(string export, string basis = "single", string? history = null) =>
        App.RunAsync<OfflineIndicator3Handler, OfflineIndicator3Result>(h => h.HandleAsync(new OfflineIndicator3Query(
            new StringReader(export), "log.jsonl",
            basis == "rolling"
                ? [(Year, new StringReader(SmallTrust.Csv), "staff-2025-26.csv"), ("2024-25", new StringReader(SmallTrust.Csv), "staff-2024-25.csv")]
                : [(Year, new StringReader(SmallTrust.Csv), "staff-2025-26.csv")],
            Year, Verifier(), null, basis, history is null ? null : (new StringReader(history), "history.csv"))));

    private Persistence.DecisionLog.Checkpoints.CheckpointVerifier Verifier() =>
        App.Services.GetRequiredService<Persistence.DecisionLog.DecisionLogTrust>().Verifier();

    /// <summary>Everything but the source label ("live" / "export") and the checkpoint's file, which say where the figures came from.</summary>
    private static string Figures(Indicator3Report report) =>
        JsonSerializer.Serialize(report with
        {
            Source = string.Empty,
            Years = [.. report.Years.Select(y => y with { Source = string.Empty })],
            Checkpoint = report.Checkpoint! with { FileName = string.Empty },
        });

    private async Task SeedCasesAsync()
    {
        AtUkTime(2024, 10, 1, 9, 0);
        await FormalAsync("S003");
        AtUkTime(2025, 3, 31, 23, 59);
        await FormalAsync("S001");
        AtUkTime(2025, 4, 1, 0, 0);
        await FormalAsync("S002");
        await FormalAsync("S002", 'A');
        await FormalAsync("S004");
        await ReviewAsync(await ToReviewAsync("S005", 'G'), "InformalResolution");
    }

    [Theory]
    [InlineData("single")]
    [InlineData("rolling")]
    public async Task GivesExactlyTheLiveFiguresGivenExportAndStaffFiles(string basis)
    {
        await SeedCasesAsync();
        var live = await Indicator3Async(Year, basis);

        var offline = await OfflineAsync(await ExportAsync(), basis);

        offline.Entries.ShouldBeGreaterThan(0);
        offline.Checkpoint.TreeSize.ShouldBe(offline.Entries);
        // The export carries the newest signed checkpoint, and the report names it and the export it came in.
        var newest = LogCheckpointSummary.Of(App.Services.GetRequiredService<Persistence.DecisionLog.DecisionLogTrust>().Store.Newest()).ShouldNotBeNull();
        offline.Report.Checkpoint.ShouldBe(newest with { FileName = "log.jsonl" });
        offline.Checkpoint.ShouldBe(offline.Report.Checkpoint);
        offline.Report.Source.ShouldBe(FigureSources.Export);
        Figures(offline.Report).ShouldBe(Figures(live));
        // 2025-26: S002 (twice, counted once); rolling adds S003 from 2024-25.
        live.Bme.Entering.ShouldBe(basis == "single" ? 1 : 2);
    }

    [Fact]
    public async Task RefusesAsRewrittenGivenTamperedExport()
    {
        await SeedCasesAsync();
        var lines = (await ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var index = lines.FindIndex(l => l.Contains("\"FormalInvestigationStarted\"", StringComparison.Ordinal) && l.Contains("\"S002\"", StringComparison.Ordinal));
        // Make the BME case look like a white one. The staff ref is hashed sealed; its opened copy beside it is not
        // hashed, but must be what the case key opens the sealed text to.
        lines[index] = lines[index].Replace("\"S002\"", "\"S005\"", StringComparison.Ordinal);

        var ex = await Should.ThrowAsync<LogTamperedException>(() => OfflineAsync(string.Join('\n', lines)));

        ex.Message.ShouldContain($"log.jsonl line {index + 1}: entry ");
        ex.Message.ShouldContain("opened subjectStaffRef is not what its sealed field holds: the export was edited");
    }

    [Fact]
    public async Task RefusesAsRewrittenGivenSealedFieldOfAnotherCaseCopiedIn()
    {
        await SeedCasesAsync();
        var lines = (await ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var bme = lines.FindIndex(l => l.Contains("\"FormalInvestigationStarted\"", StringComparison.Ordinal) && l.Contains("\"S002\"", StringComparison.Ordinal));
        var white = lines.FindIndex(l => l.Contains("\"FormalInvestigationStarted\"", StringComparison.Ordinal) && l.Contains("\"S004\"", StringComparison.Ordinal));
        // Swap the whole personal part of two lines: sealed text, opened text and key all agree, but the hashed bytes changed.
        var a = System.Text.Json.Nodes.JsonNode.Parse(lines[bme])!.AsObject();
        var b = System.Text.Json.Nodes.JsonNode.Parse(lines[white])!.AsObject();
        foreach (var key in new[] { "subjectStaffRef", "opened", "caseKey" })
        {
            (a[key], b[key]) = (b[key]?.DeepClone(), a[key]?.DeepClone());
        }

        lines[bme] = a.ToJsonString();
        lines[white] = b.ToJsonString();

        var ex = await Should.ThrowAsync<LogTamperedException>(() => OfflineAsync(string.Join('\n', lines)));

        ex.Message.ShouldContain("log.jsonl line ");
        ex.Message.ShouldContain("opened subjectStaffRef is not what its sealed field holds");
    }

    [Fact]
    public async Task RefusesGivenDeletedEntry()
    {
        await SeedCasesAsync();
        var lines = (await ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var index = lines.FindIndex(l => l.Contains("\"FormalInvestigationStarted\"", StringComparison.Ordinal));
        lines.RemoveAt(index);

        var ex = await Should.ThrowAsync<LogTamperedException>(() => OfflineAsync(string.Join('\n', lines)));
        ex.Message.ShouldContain("entries are missing, repeated or out of order");
    }

    [Fact]
    public async Task RefusesListingProblemsGivenBadStaffFile()
    {
        var ex = await Should.ThrowAsync<UseCaseException>(() => App.RunAsync<OfflineIndicator3Handler, OfflineIndicator3Result>(h => h.HandleAsync(
            new OfflineIndicator3Query(new StringReader(string.Empty), "log.jsonl", [(Year, new StringReader("StaffRef,Name\nS1,x\n"), "staff.csv")], Year, Verifier()))));

        ex.Error.ShouldBe(UseCaseError.Invalid);
        ex.Details.ShouldContain(d => d.StartsWith("staff.csv line 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MatchesLiveImportedYearGivenHistoryFile()
    {
        const string history = "Year,Group,Entering,Headcount\n2024-25,White,3,900\n2024-25,BME,4,300\n";
        var reader = new StringReader(history);
        await App.RunAsync<History.ImportHistoryHandler, History.ImportHistoryResult>(h => h.HandleAsync(new History.ImportHistoryCommand(reader, "history.csv", new Actor("t", "Operator"))));
        await FormalAsync("S002");
        var live = await Indicator3Async(Year, "rolling");

        var offline = await OfflineAsync(await ExportAsync(), "rolling", history);

        live.Source.ShouldBe("imported+live");
        Figures(offline.Report).ShouldBe(Figures(live));
    }
}

public sealed class SqliteOfflineIndicator3Tests : OfflineIndicator3Tests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresOfflineIndicator3Tests : OfflineIndicator3Tests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
