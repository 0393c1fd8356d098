using System.Text.Json;
using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.TestSupport;
using Microsoft.Data.Sqlite;

namespace JustCulture.Cli.Tests;

/// <summary>
/// The small trust through the CLI, with its staff file as the headcount of the current reporting year (the CLI
/// runs on the system clock) and two formal investigations: S001 (White) and S002 (BME). Headcount White 5, BME 4,
/// not stated 2.
/// </summary>
public sealed class ReportCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();

    internal static string CurrentYear => ReportingYear.Containing(DateTime.UtcNow).ToString();

    public async Task InitializeAsync()
    {
        await _cli.SeedSmallTrustAsync();
        await _cli.RunOkAsync("staff", "import", _cli.PathFor("small-trust.csv"), "--year", CurrentYear);
        await FormalAsync(_cli, "S001");
        await FormalAsync(_cli, "S002");
    }

    internal static async Task FormalAsync(CliSession cli, string subject)
    {
        var concernId = await cli.OpenConcernAsync(subject);
        await cli.AnswerChecklistAsync(concernId, SmallTrust.PathTo('G'));
        await cli.AnswerNextAsync(concernId, SmallTrust.Reviewer, "FormalInvestigation",
            "--rationale", "Serious and repeated.", "--informal-not-appropriate", "Informal resolution was tried and failed.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    /// <summary>The newest checkpoint in the store beside the database, where the CLI keeps them by default.</summary>
    private LogCheckpointSummary NewestCheckpoint() =>
        LogCheckpointSummary.Of(new CheckpointStore(_cli.DatabaseFile + ".checkpoints").Newest()).ShouldNotBeNull();

    [Fact]
    public async Task WithholdsEveryGroupOfFewerThanFiveGivenStageTimesOfTwoCases()
    {
        var json = JsonDocument.Parse(await _cli.RunOkAsync("report", "stage-times", "--year", CurrentYear, "--format", "json")).RootElement;
        var text = await _cli.RunOkAsync("report", "stage-times", "--year", CurrentYear);

        var stages = json.GetProperty("stages").EnumerateArray().ToList();
        stages.Select(s => s.GetProperty("stage").GetString()).ShouldBe(["Checklist", "AwaitingReview", "InformalResolution", "FormalInvestigation"]);
        var checklist = stages[0];
        checklist.GetProperty("targetWorkingDays").GetInt32().ShouldBe(5);
        foreach (var group in new[] { "white", "bme" })
        {
            checklist.GetProperty(group).GetProperty("withheld").GetBoolean().ShouldBeTrue("one checklist per group was answered");
            checklist.GetProperty(group).GetProperty("timed").GetString().ShouldBe("<5");
        }

        text.ShouldContain("Checklist to answer (target 5 working days): white withheld (<5) · BME withheld (<5) · not stated none (0)");
        json.GetRawText().ShouldNotContain("\"count\"", Case.Insensitive, "a withheld group's exact count is never printed");
    }

    [Fact]
    public async Task ListsTheOpenInvestigationsAsDueGivenTheReviewer()
    {
        var due = JsonDocument.Parse(await _cli.RunOkAsync("clocks", "due", "--for", SmallTrust.Reviewer, "--format", "json")).RootElement;
        var text = await _cli.RunOkAsync("clocks", "due", "--for", SmallTrust.Reviewer);

        var items = due.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(i => i.GetProperty("stage").GetString() == "FormalInvestigation" && !i.GetProperty("isOverdue").GetBoolean());
        due.GetProperty("overdueCount").GetInt32().ShouldBe(0);
        text.ShouldStartWith("0 overdue, 2 due");
        text.ShouldContain("formal investigation: due");
        (await _cli.RunOkAsync("clocks", "due", "--for", SmallTrust.Auditor)).ShouldContain("Nothing is due.");

        var unknown = await _cli.RunAsync("clocks", "due", "--for", "no.such.user");
        unknown.ExitCode.ShouldNotBe(0);
        unknown.Stderr.ShouldContain("Unknown user");
    }

    [Fact]
    public async Task StatesTheNewestCheckpointGivenTextReports()
    {
        var indicator3 = await _cli.RunOkAsync("report", "indicator3", "--year", CurrentYear);
        var funnel = await _cli.RunOkAsync("report", "funnel", "--year", CurrentYear);

        var newest = NewestCheckpoint();
        var line = $"Computed against: signed checkpoint of {newest.TreeSize.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} entries, {Domain.UkDates.DateTime(newest.SignedAt.UtcDateTime)} (root {newest.RootHex[..16]}…, {newest.FileName})";
        indicator3.Split(Environment.NewLine).ShouldContain(line);
        funnel.Split(Environment.NewLine).ShouldContain(line);
    }

    [Fact]
    public async Task StatesTheExportsCheckpointGivenFromExport()
    {
        var export = _cli.PathFor("log.jsonl");
        await _cli.RunOkAsync("log", "export", "--out", export);
        var newest = NewestCheckpoint();

        var result = await _cli.RunAsync("report", "indicator3", "--from-export", export, "--staff", _cli.PathFor("small-trust.csv"), "--year", CurrentYear,
            "--public-key", _cli.DatabaseFile + ".log-key.pub.pem");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        // The export carries a checkpoint signed for exactly what it holds: the newest, named by the export it came in.
        result.Stdout.Split(Environment.NewLine).ShouldContain(ComputedAgainst.Statement(newest with { FileName = "log.jsonl" }));
        result.Stderr.ShouldContain($"log.jsonl: verified against its {(newest with { FileName = "log.jsonl" }).Describe()}.");
    }

    [Fact]
    public async Task CarriesTheNewestCheckpointGivenJsonAndCsv()
    {
        var json = await _cli.RunOkAsync("report", "funnel", "--year", CurrentYear, "--format", "json");
        var csv = (await _cli.RunOkAsync("report", "indicator3", "--year", CurrentYear, "--format", "csv")).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        var newest = NewestCheckpoint();
        using var document = JsonDocument.Parse(json);
        var checkpoint = document.RootElement.GetProperty("checkpoint");
        checkpoint.GetProperty("treeSize").GetInt64().ShouldBe(newest.TreeSize);
        checkpoint.GetProperty("rootHex").GetString().ShouldBe(newest.RootHex);
        checkpoint.GetProperty("fileName").GetString().ShouldBe(newest.FileName);
        checkpoint.GetProperty("statement").GetString().ShouldBe(ComputedAgainst.Statement(newest));
        csv[0].ShouldEndWith(",CheckpointTreeSize,CheckpointRoot,ComputedAgainst");
        csv.Skip(1).ShouldAllBe(row => row.EndsWith($",{newest.TreeSize},{newest.RootHex},\"{ComputedAgainst.Statement(newest)}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesEveryLiveReportWithExitOneGivenLogEditedUnderTheApp()
    {
        await using (var connection = new SqliteConnection(_cli.SqliteConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // An insider with database rights turns a formal investigation into a support route.
            command.CommandText = "DROP TRIGGER decision_log_no_update; UPDATE decision_log SET answer = 'Support' WHERE event_type = 'ReviewDecided' AND answer = 'FormalInvestigation' AND entry_id = (SELECT min(entry_id) FROM decision_log WHERE event_type = 'ReviewDecided' AND answer = 'FormalInvestigation');";
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var edited = await SequenceOfTheEditedDecisionAsync();

        foreach (var args in new[]
        {
            new[] { "report", "indicator3", "--year", CurrentYear },
            ["report", "indicator3", "--year", CurrentYear, "--format", "json"],
            ["report", "funnel", "--year", CurrentYear],
        })
        {
            var result = await _cli.RunAsync(args);

            result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
            result.Stdout.ShouldBeEmpty("no figure may be printed from a log that fails verification");
            result.Stderr.ShouldContain($"The decision log fails verification: entry {edited} was changed after it was written");
        }
    }

    private async Task<long> SequenceOfTheEditedDecisionAsync()
    {
        await using var connection = new SqliteConnection(_cli.SqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(l.sequence) FROM decision_log_leaves l JOIN decision_log e ON e.entry_id = l.entry_id WHERE e.event_type = 'ReviewDecided' AND e.answer = 'Support'";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task PrintsTheAgreedJsonShapeGivenFormatJson()
    {
        var stdout = await _cli.RunOkAsync("report", "indicator3", "--year", CurrentYear, "--format", "json");

        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["year", "basis", "white", "bme", "notStated", "relativeLikelihood", "ci95", "ciMethod", "ci95Katz", "interpretation", "warnings", "national", "checkpoint"]);
        root.GetProperty("year").GetString().ShouldBe(CurrentYear);
        root.GetProperty("basis").GetString().ShouldBe("single");
        root.GetProperty("white").EnumerateObject().Select(p => p.Name).ShouldBe(["entering", "headcount", "rate"]);
        root.GetProperty("white").GetProperty("entering").GetInt32().ShouldBe(1);
        root.GetProperty("white").GetProperty("headcount").GetInt32().ShouldBe(5);
        root.GetProperty("white").GetProperty("rate").GetDouble().ShouldBe(0.2);
        root.GetProperty("bme").GetProperty("entering").GetInt32().ShouldBe(1);
        root.GetProperty("bme").GetProperty("headcount").GetInt32().ShouldBe(4);
        root.GetProperty("notStated").EnumerateObject().Select(p => p.Name).ShouldBe(["entering", "headcount"]);
        root.GetProperty("notStated").GetProperty("headcount").GetInt32().ShouldBe(2);
        // (1/4) ÷ (1/5) = 1.25; Katz SE = √(1 − 1/4 + 1 − 1/5) = 1.2450 → 0.11–14.34; Koopman's score interval 0.15–9.94.
        root.GetProperty("relativeLikelihood").GetDouble().ShouldBe(1.25);
        root.GetProperty("ciMethod").GetString().ShouldBe("koopman-score");
        root.GetProperty("ci95").GetProperty("lower").GetDouble().ShouldBe(0.15);
        root.GetProperty("ci95").GetProperty("upper").GetDouble().ShouldBe(9.94);
        root.GetProperty("ci95Katz").GetProperty("lower").GetDouble().ShouldBe(0.11);
        root.GetProperty("ci95Katz").GetProperty("upper").GetDouble().ShouldBe(14.34);
        root.GetProperty("interpretation").GetString().ShouldStartWith("0.80–1.25: non-adverse");
        root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldContain(w => w!.StartsWith("Small numbers: only 1 BME and 1 white", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrintsFiguresAndPlainEnglishWarningsGivenTextFormat()
    {
        var stdout = await _cli.RunOkAsync("report", "indicator3", "--year", CurrentYear);

        stdout.ShouldContain($"Basis: Single year {CurrentYear}");
        stdout.ShouldContain("Source: live (recomputed from the decision log)");
        stdout.ShouldContain("Relative likelihood: 1.25");
        stdout.ShouldContain("95% confidence interval (Koopman score interval (Koopman 1984)): 0.15–9.94");
        stdout.ShouldContain("95% confidence interval, Katz log method (for comparison with earlier figures): 0.11–14.34");
        stdout.ShouldContain("National: no national figure is published for this year.");
        stdout.ShouldContain("(excluded from the ratio)");
        stdout.ShouldContain("Warnings:");
        stdout.ShouldContain("A single case can move the ratio a long way");
    }

    [Fact]
    public async Task LabelsTwoYearBasisGivenRolling()
    {
        var stdout = await _cli.RunOkAsync("report", "indicator3", "--year", CurrentYear, "--basis", "rolling");

        stdout.ShouldContain($"Basis: Two-year rolling {ReportingYear.Parse(CurrentYear).Previous} + {CurrentYear}");
        // The previous year has no snapshot in this trust, and the report says so rather than guessing.
        stdout.ShouldContain($"{ReportingYear.Parse(CurrentYear).Previous}: no headcount snapshot");
    }

    [Fact]
    public async Task PrintsWresReturnShapeGivenCsvFormat()
    {
        var lines = (await _cli.RunOkAsync("report", "indicator3", "--year", CurrentYear, "--format", "csv")).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        lines[0].ShouldBe("ReportingYear,Basis,Measure,White,BME,NotStated,CheckpointTreeSize,CheckpointRoot,ComputedAgainst");
        var figures = lines.Select(l => string.Join(',', l.Split(',').Take(6))).ToList();
        figures.ShouldContain($"{CurrentYear},single,Headcount,5,4,2");
        figures.ShouldContain($"{CurrentYear},single,Number of staff entering the formal disciplinary process,1,1,0");
        figures.ShouldContain($"{CurrentYear},single,Likelihood of staff entering the formal disciplinary process,0.200000,0.250000,");
        figures.ShouldContain($"{CurrentYear},single,Relative likelihood of BME staff entering the formal disciplinary process compared to white staff,,1.25,");
        figures.ShouldContain($"{CurrentYear},single,95% confidence interval upper (Katz log),,14.34,");
        figures.ShouldContain($"{CurrentYear},single,95% confidence interval upper (Koopman score),,9.94,");
    }

    [Fact]
    public async Task SuppressesSmallCountsGivenPublication()
    {
        var stdout = await _cli.RunOkAsync("report", "indicator3", "--year", CurrentYear, "--format", "json", "--publication");

        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("white").GetProperty("entering").GetString().ShouldBe("<5");
        root.GetProperty("white").GetProperty("headcount").GetInt32().ShouldBe(5);
        root.GetProperty("white").GetProperty("rate").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("relativeLikelihood").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("ci95").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("ci95Katz").ValueKind.ShouldBe(JsonValueKind.Null);
        stdout.ShouldNotContain("only 1 BME");

        var csv = await _cli.RunOkAsync("report", "indicator3", "--year", CurrentYear, "--format", "csv", "--publication", "--suppress-below", "2");
        csv.ShouldContain($"{CurrentYear},single,Number of staff entering the formal disciplinary process,<2,<2,0");
    }

    [Fact]
    public async Task PrintsStagesAndBreakdownsGivenFunnel()
    {
        var stdout = await _cli.RunOkAsync("report", "funnel", "--year", CurrentYear, "--format", "json");

        using var json = JsonDocument.Parse(stdout);
        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToList();
        stages.Select(s => s.GetProperty("stage").GetString()).ShouldBe(["raised", "outcome-g-or-a", "reviewed", "formal",
            "no-case-to-answer", "case-to-answer", "sanction", "final-warning-or-dismissal", "dismissal", "appeal-upheld", "suspension"]);
        // Both concerns reached G and were reviewed to formal: 1 White and 1 BME at every stage to the formal investigation,
        // RL (1/4) ÷ (1/5) = 1.25; neither investigation has concluded yet.
        stages.Take(4).ShouldAllBe(s => s.GetProperty("againstHeadcount").GetProperty("relativeLikelihood").GetDouble() == 1.25);
        stages[1].GetProperty("conditionalOnPreviousStage").GetProperty("relativeLikelihood").GetDouble().ShouldBe(1.0);
        json.RootElement.GetProperty("breakdowns").EnumerateArray().Select(b => b.GetProperty("dimension").GetString())
            .ShouldBe(["band", "staffGroup", "lengthOfService", "directorate", "raisingManagerDirectorate"]);
        json.RootElement.GetProperty("breakdowns").EnumerateArray().Select(b => b.GetProperty("stage").GetString())
            .ShouldBe(["formal", "formal", "formal", "formal", "raised"]);

        var text = await _cli.RunOkAsync("report", "funnel", "--year", CurrentYear);
        text.ShouldContain("Formal investigation started:");
        text.ShouldContain("Formal investigations by directorate");
        text.ShouldContain("Concerns raised, by raising manager's directorate");
        text.ShouldNotContain("staffGroup");

        var csv = await _cli.RunOkAsync("report", "funnel", "--year", CurrentYear, "--format", "csv", "--publication");
        csv.ShouldContain($"{CurrentYear},stage,formal,,<5,5,<5,<5,0,<5,,,,,,");
        // Both concerns were raised by lm1, whose own record is in Medicine.
        csv.ShouldContain($"{CurrentYear},breakdown-raised,raisingManagerDirectorate,Medicine,<5,");
    }

    [Theory]
    [InlineData("--year", "2025/26")]
    [InlineData("--year", "2025-27")]
    public async Task RefusesWithInvalidExitGivenMalformedYear(string option, string value)
    {
        var result = await _cli.RunAsync("report", "indicator3", option, value);

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain($"'{value}' is not a reporting year; write it as YYYY-YY");
    }

    [Theory]
    [InlineData("0000-01", "'0000-01' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the first year must be from 2000 to 2100)")]
    [InlineData("9999-00", "'9999-00' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the first year must be from 2000 to 2100)")]
    [InlineData("2024-26", "'2024-26' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the second part must be 25, the year after 2024)")]
    [InlineData("2024-5", "'2024-5' is not a reporting year; write it as YYYY-YY, e.g. 2024-25")]
    [InlineData("2024/25", "'2024/25' is not a reporting year; write it as YYYY-YY, e.g. 2024-25")]
    [InlineData("", "no reporting year was given; write it as YYYY-YY, e.g. 2024-25")]
    public async Task RefusesWithInvalidExitNamingYearGivenImpossibleYear(string value, string reason)
    {
        var result = await _cli.RunAsync("report", "funnel", "--year", value);

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        // One line: the refusal is said once, naming the input.
        result.Stderr.ShouldBe($"error: year: {reason}.{Environment.NewLine}", result.ToString());
    }

    [Theory]
    [InlineData("--basis", "weekly")]
    [InlineData("--format", "xml")]
    public async Task RefusesWithInvalidExitGivenUnknownChoice(string option, string value)
    {
        var result = await _cli.RunAsync("report", "indicator3", "--year", CurrentYear, option, value);

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain(value);
    }

    [Fact]
    public async Task RefusesGivenSuppressionThresholdBelowOne()
    {
        var result = await _cli.RunAsync("report", "funnel", "--year", CurrentYear, "--publication", "--suppress-below", "0");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("--suppress-below must be 1 or more (was 0)");
    }

    [Fact]
    public async Task RefusesGivenStaffFileWithoutExport()
    {
        var result = await _cli.RunAsync("report", "indicator3", "--year", CurrentYear, "--staff", _cli.PathFor("small-trust.csv"));

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("--staff, --history, --public-key and --kept-checkpoints are only for offline recomputation with --from-export");
    }

    [Fact]
    public async Task RefusesGivenFunnelYearMissing()
    {
        var result = await _cli.RunAsync("report", "funnel");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("--year");
    }
}
