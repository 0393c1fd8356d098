using JustCulture.Domain.Reporting;
using JustCulture.Application.Common;
using JustCulture.Application.Reports;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Reports;

/// <summary>
/// Indicator 3 recomputed from the decision log that real concerns, driven through the real use cases, wrote.
/// Headcount in every year: White 5, BME 4, not stated 2 (see <see cref="ReportTestBase"/>).
/// </summary>
public abstract class Indicator3FromLogTests : ReportTestBase
{
    [Fact]
    public async Task CountsFormalInvestigationsByGroupGivenOneWhiteOneBmeOneNotStated()
    {
        await FormalAsync("S001"); // White
        await FormalAsync("S002"); // BME (N)
        await FormalAsync("S004"); // not stated (Z)

        var report = await Indicator3Async();

        report.Year.ShouldBe(Year);
        report.Basis.ShouldBe("single");
        report.Source.ShouldBe(FigureSources.Live);
        report.White.ShouldBe(new GroupFigures(1, 5, 0.2));
        report.Bme.ShouldBe(new GroupFigures(1, 4, 0.25));
        // Shown, but excluded from the ratio: 1 of 2 not stated entered.
        report.NotStated.ShouldBe(new NotStatedFigures(1, 2));
        // RL = (1/4) ÷ (1/5) = 0.25 ÷ 0.20 = 1.25.
        // SE = √(1/1 − 1/4 + 1/1 − 1/5) = √1.55 = 1.2450; ln 1.25 = 0.2231; 0.2231 ∓ 1.96 × 1.2450 = −2.2171, 2.6633;
        // e^−2.2171 = 0.11, e^2.6633 = 14.34.
        report.RelativeLikelihood.ShouldBe(1.25);
        report.Ci95Katz.ShouldBe(new Interval95(0.11, 14.34));
        // The interval shown is Koopman's score interval, where its chi-square statistic reaches 1.96²: 0.15 to 9.94.
        report.CiMethod.ShouldBe(IntervalMethods.KoopmanScore);
        report.Ci95.ShouldBe(new Interval95(0.15, 9.94));
        report.Interpretation.ShouldStartWith("0.80–1.25: non-adverse");
        report.Warnings.ShouldContain(w => w.StartsWith("Small numbers: only 1 BME and 1 white", StringComparison.Ordinal));
        report.Warnings.ShouldContain(w => w.StartsWith("1 person(s) whose ethnicity is not stated entered a formal investigation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IgnoresCasesThatStoppedShortOfFormalGivenOtherRoutes()
    {
        // Only the start of a formal investigation counts, nothing earlier: outcome G reviewed to informal
        // resolution, outcome A awaiting review and a system-learning case all stay out.
        await ReviewAsync(await ToReviewAsync("S001", 'G'), "InformalResolution");
        await ToReviewAsync("S002", 'A');
        await ReviewAsync(await ToReviewAsync("S005", 'D'), "SystemLearning");
        await FormalAsync("S003");

        var report = await Indicator3Async();

        report.White.Entering.ShouldBe(0);
        report.Bme.Entering.ShouldBe(1);
    }

    [Fact]
    public async Task CountsPersonOnceGivenTwoFormalInvestigationsInTheYear()
    {
        await FormalAsync("S002");
        App.Clock.Advance(TimeSpan.FromDays(60));
        await FormalAsync("S002", 'A');
        await FormalAsync("S001");

        // The log seals the subject's staff ref; the case rows say whose the two investigations are.
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.FormalInvestigationStarted
            && db.Concerns.Any(c => c.Id == e.ConcernId && c.SubjectStaffRef == "S002")))).ShouldBe(2);
        var report = await Indicator3Async();

        report.Bme.Entering.ShouldBe(1);
        report.White.Entering.ShouldBe(1);
        report.RelativeLikelihood.ShouldBe(1.25); // (1/4) ÷ (1/5)
    }

    [Fact]
    public async Task CountsInEndingYearGivenStartAt2359UkTimeOn31March()
    {
        // BST began on 30 March 2025: 23:59 on 31 March UK time is 22:59 UTC, the last minute of 2024-25.
        AtUkTime(2025, 3, 31, 9, 0);
        var concernId = await ToReviewAsync("S001", 'G');
        AtUkTime(2025, 3, 31, 23, 59);
        App.Clock.UtcNow.ShouldBe(new DateTime(2025, 3, 31, 22, 59, 0, DateTimeKind.Utc));
        await ReviewAsync(concernId, "FormalInvestigation");

        (await Indicator3Async("2024-25")).White.Entering.ShouldBe(1);
        (await Indicator3Async("2025-26")).White.Entering.ShouldBe(0);
    }

    [Fact]
    public async Task CountsInNewYearGivenStartAtMidnightUkTimeOn1April()
    {
        // 00:00 on 1 April UK time (BST) is still 31 March in UTC (23:00): the new year has begun in the UK.
        AtUkTime(2025, 3, 31, 9, 0);
        var concernId = await ToReviewAsync("S002", 'G');
        AtUkTime(2025, 4, 1, 0, 0);
        App.Clock.UtcNow.ShouldBe(new DateTime(2025, 3, 31, 23, 0, 0, DateTimeKind.Utc));
        await ReviewAsync(concernId, "FormalInvestigation");

        (await Indicator3Async("2024-25")).Bme.Entering.ShouldBe(0);
        (await Indicator3Async("2025-26")).Bme.Entering.ShouldBe(1);
    }

    [Fact]
    public async Task CountsTheFormalStartNotTheOpeningGivenCaseCrossingTheYearEnd()
    {
        // Opened in 2024-25 (February, GMT), formal investigation started in 2025-26: it counts in 2025-26.
        AtUkTime(2025, 2, 10, 9, 0);
        var concernId = await ToReviewAsync("S003", 'G');
        AtUkTime(2025, 4, 2, 9, 0);
        await ReviewAsync(concernId, "FormalInvestigation");

        (await Indicator3Async("2024-25")).Bme.Entering.ShouldBe(0);
        (await Indicator3Async("2025-26")).Bme.Entering.ShouldBe(1);
    }

    [Fact]
    public async Task AddsTwoYearsGivenRollingBasis()
    {
        // 2024-25: S001 (White). 2025-26: S001 again and S002 (BME).
        AtUkTime(2024, 11, 5, 10, 0);
        await FormalAsync("S001");
        AtUkTime(2025, 6, 3, 10, 0);
        await FormalAsync("S001", 'A');
        await FormalAsync("S002");

        var single = await Indicator3Async(Year, "single");
        var rolling = await Indicator3Async(Year, "rolling");

        // Single 2025-26: (1/4) ÷ (1/5) = 1.25.
        single.RelativeLikelihood.ShouldBe(1.25);
        single.BasisLabel.ShouldStartWith("Single year 2025-26 (1 April 2025 – 31 March 2026 UK time)");
        // Rolling: White 1 + 1 = 2 of 5 + 5 = 10; BME 0 + 1 = 1 of 4 + 4 = 8. RL = (1/8) ÷ (2/10) = 0.125 ÷ 0.2 = 0.625 → 0.63
        // (published half away from zero). SE = √(1 − 1/8 + 1/2 − 1/10) = √1.275 = 1.1292; ln 0.625 = −0.4700;
        // −0.4700 ∓ 2.2132 → e^−2.6832 = 0.07, e^1.7432 = 5.72.
        rolling.Basis.ShouldBe("rolling");
        rolling.BasisLabel.ShouldStartWith("Two-year rolling 2024-25 + 2025-26");
        rolling.Years.Select(y => y.Year).ShouldBe(["2024-25", "2025-26"]);
        rolling.White.ShouldBe(new GroupFigures(2, 10, 0.2));
        rolling.Bme.ShouldBe(new GroupFigures(1, 8, 0.125));
        rolling.RelativeLikelihood.ShouldBe(0.63);
        rolling.Ci95Katz.ShouldBe(new Interval95(0.07, 5.72));
        rolling.Ci95.ShouldBe(Indicator3Calculator.Rounded(RatioIntervals.Koopman(1, 8, 2, 10)));
        rolling.Warnings.ShouldContain(w => w.StartsWith("1 person(s) entered a formal investigation in both 2024-25 and 2025-26", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExplainsUndefinedRatioGivenNoCasesInEitherGroup()
    {
        await ReviewAsync(await ToReviewAsync("S001", 'D'), "SystemLearning");

        var report = await Indicator3Async();

        report.White.ShouldBe(new GroupFigures(0, 5, 0));
        report.Bme.ShouldBe(new GroupFigures(0, 4, 0));
        report.RelativeLikelihood.ShouldBeNull();
        // Nobody counted: the data cannot narrow the ratio, so the interval runs from 0 with no upper limit.
        report.Ci95.ShouldBe(new Interval95(0, null));
        report.Ci95Katz.ShouldBeNull();
        report.Interpretation.ShouldBe("Not calculable: nobody entered a formal investigation.");
        report.Warnings.ShouldContain(w => w.Contains("the ratio is 0 ÷ 0, undefined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExplainsDivisionByZeroGivenOnlyBmeCases()
    {
        await FormalAsync("S002");
        await FormalAsync("S003");

        var report = await Indicator3Async();

        report.Bme.ShouldBe(new GroupFigures(2, 4, 0.5));
        report.White.Entering.ShouldBe(0);
        report.RelativeLikelihood.ShouldBeNull();
        // No ratio, but the score interval has a lower limit: 2 of 4 vs 0 of 5 is consistent with no ratio below 0.85.
        report.Ci95.ShouldBe(new Interval95(0.85, null));
        report.Ci95Katz.ShouldBeNull();
        report.Interpretation.ShouldContain("only BME staff entered a formal investigation (2)");
        report.Warnings.ShouldContain(w => w.Contains("would divide by zero, so it is undefined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivesZeroWithUnboundedIntervalGivenOnlyWhiteCases()
    {
        await FormalAsync("S001");

        var report = await Indicator3Async();

        report.RelativeLikelihood.ShouldBe(0);
        // 0 of 4 vs 1 of 5: the score interval reaches 3.98; Katz's has no upper limit.
        report.Ci95.ShouldBe(new Interval95(0, 3.98));
        report.Ci95Katz.ShouldBe(new Interval95(0, null));
        report.Interpretation.ShouldContain("does not show that BME staff are less likely");
    }

    [Fact]
    public async Task ShowsZeroHeadcountGivenYearWithoutSnapshot()
    {
        var report = await Indicator3Async("2023-24");

        report.White.ShouldBe(new GroupFigures(0, 0, null));
        report.Bme.ShouldBe(new GroupFigures(0, 0, null));
        report.RelativeLikelihood.ShouldBeNull();
        report.Warnings.ShouldContain("2023-24: no headcount snapshot; import the staff file as at 31 March 2024 (staff import --year 2023-24). Headcounts are shown as 0.");
        report.Warnings.ShouldContain(w => w.Contains("there are no BME and no white staff in the headcount", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExcludesEveryoneGivenEveryoneNotStated()
    {
        // The same people re-imported for 2025-26 with every ethnic code blank: nobody can be placed in a group.
        var blank = string.Join('\n', SmallTrust.Csv.Split('\n').Select((line, i) =>
        {
            var fields = line.Split(','); // StaffRef,Name,EthnicCode,…; no field of this file holds a comma
            if (i > 0)
            {
                fields[2] = string.Empty;
            }

            return string.Join(',', fields);
        }));
        await App.ImportStaffAsync(blank, Year);
        await FormalAsync("S001");
        await FormalAsync("S002");

        var report = await Indicator3Async();

        report.NotStated.ShouldBe(new NotStatedFigures(2, 11));
        report.White.ShouldBe(new GroupFigures(0, 0, null));
        report.Bme.ShouldBe(new GroupFigures(0, 0, null));
        report.RelativeLikelihood.ShouldBeNull();
        report.Interpretation.ShouldBe("Not calculable: a group has no staff in the headcount.");
        report.Warnings.ShouldContain(w => w.Contains("everyone's ethnicity is not stated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsesStaffRecordAndSaysSoGivenPersonMissingFromSnapshot()
    {
        // S005 left before 31 March 2026: absent from the 2025-26 snapshot, but the formal start is in the log.
        await FormalAsync("S005");
        var withoutS005 = string.Join('\n', SmallTrust.Csv.Split('\n').Where(l => !l.TrimStart().StartsWith("S005", StringComparison.Ordinal)));
        await App.ImportStaffAsync(withoutS005, Year);

        var report = await Indicator3Async();

        report.White.ShouldBe(new GroupFigures(1, 4, 0.25));
        report.Warnings.ShouldContain(w => w.StartsWith("2025-26: 1 person(s) who entered a formal investigation are not in the 2025-26 headcount snapshot;", StringComparison.Ordinal));
        report.Warnings.ShouldAllBe(w => !w.Contains("S005", StringComparison.Ordinal));
        report.PublicNotes.ShouldNotContain(n => n.Contains("S005", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesGivenMalformedYearOrBasis()
    {
        (await Should.ThrowAsync<UseCaseException>(() => Indicator3Async("2025/26"))).Error.ShouldBe(UseCaseError.Invalid);
        (await Should.ThrowAsync<UseCaseException>(() => Indicator3Async(Year, "triple"))).Message.ShouldContain("use single or rolling");
    }

    [Fact]
    public async Task CountsNobodyGivenOnlyAdministrativeEntries()
    {
        // Staff imports and user additions are in the log too, with no subject: they never count.
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.StaffImported))).ShouldBe(2);
        var report = await Indicator3Async();
        report.White.Entering.ShouldBe(0);
        report.Bme.Entering.ShouldBe(0);
        report.NotStated.Entering.ShouldBe(0);
    }
}

public sealed class SqliteIndicator3FromLogTests : Indicator3FromLogTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresIndicator3FromLogTests : Indicator3FromLogTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
