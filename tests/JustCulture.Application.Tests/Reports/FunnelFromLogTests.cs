using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Reports;

/// <summary>
/// The disparity funnel on a hand-built scenario in 2025-26, every figure worked out by hand.
/// Headcount: White 5, BME 4, not stated 2.
/// <code>
/// subject group  concern → outcome → review
/// S001    White  G → FormalInvestigation
/// S005    White  D → SystemLearning
/// S002    BME    G → FormalInvestigation;  a second concern E → awaiting review
/// S003    BME    A → awaiting review;      a second concern G → awaiting review
/// S004    NS     G → FormalInvestigation
/// </code>
/// Distinct staff per stage (White / BME / not stated):
/// raised 2 / 2 / 1 · outcome G or A 1 / 2 / 1 · reviewed after G or A 1 / 1 / 1 · formal 1 / 1 / 1.
/// </summary>
public abstract class FunnelFromLogTests : ReportTestBase
{
    private static Interval95? Score(int a, int n1, int b, int n2) => Indicator3Calculator.Rounded(RatioIntervals.Koopman(a, n1, b, n2));

    private static Interval95? Katz(int a, int n1, int b, int n2) => Indicator3Calculator.Rounded(RatioIntervals.Katz(a, n1, b, n2));

    private async Task<FunnelReport> ScenarioAsync()
    {
        await FormalAsync("S001");
        await ReviewAsync(await ToReviewAsync("S005", 'D'), "SystemLearning");
        await FormalAsync("S002");
        await ToReviewAsync("S002", 'E');
        await ToReviewAsync("S003", 'A');
        await ToReviewAsync("S003", 'G');
        await FormalAsync("S004");
        return await FunnelAsync();
    }

    [Fact]
    public async Task CountsDistinctStaffAtEachStageGivenHandBuiltScenario()
    {
        var funnel = await ScenarioAsync();

        funnel.Stages.Select(s => s.Stage).ShouldBe(["raised", "outcome-g-or-a", "reviewed", "formal",
            "no-case-to-answer", "case-to-answer", "sanction", "final-warning-or-dismissal", "dismissal", "appeal-upheld", "suspension"]);
        funnel.Stages.Take(4).Select(s => (s.White.Count, s.Bme.Count, s.NotStated.Count)).ShouldBe([(2, 2, 1), (1, 2, 1), (1, 1, 1), (1, 1, 1)]);
        // Nothing after the formal investigation has happened yet.
        funnel.Stages.Skip(4).ShouldAllBe(s => s.White.Count == 0 && s.Bme.Count == 0 && s.NotStated.Count == 0);
        funnel.Stages.ShouldAllBe(s => s.White.Headcount == 5 && s.Bme.Headcount == 4 && s.NotStated.Headcount == 2);
    }

    [Fact]
    public async Task ComputesRelativeLikelihoodAgainstHeadcountGivenHandBuiltScenario()
    {
        var funnel = await ScenarioAsync();

        // raised:   (2/4) ÷ (2/5) = 0.50 ÷ 0.40 = 1.25
        // G or A:   (2/4) ÷ (1/5) = 0.50 ÷ 0.20 = 2.50
        // reviewed: (1/4) ÷ (1/5) = 0.25 ÷ 0.20 = 1.25
        // formal:   (1/4) ÷ (1/5) = 1.25, the indicator-3 figure
        funnel.Stages.Take(4).Select(s => s.AgainstHeadcount.RelativeLikelihood).ShouldBe([1.25, 2.5, 1.25, 1.25]);
        // The interval shown is Koopman's score interval for the same counts; Katz's, worked by hand, is kept beside it.
        // raised, Katz: SE = √(1/2 − 1/4 + 1/2 − 1/5) = √0.55 = 0.7416; ln 1.25 = 0.2231 ∓ 1.4536 → e^−1.2305 = 0.29, e^1.6767 = 5.35.
        funnel.Stages[0].AgainstHeadcount.Ci95.ShouldBe(Score(2, 4, 2, 5));
        Katz(2, 4, 2, 5).ShouldBe(new Interval95(0.29, 5.35));
        // G or A: SE = √(1/2 − 1/4 + 1 − 1/5) = √1.05 = 1.0247; ln 2.5 = 0.9163 ∓ 2.0084 → e^−1.0921 = 0.34, e^2.9247 = 18.63.
        funnel.Stages[1].AgainstHeadcount.Ci95.ShouldBe(Score(2, 4, 1, 5));
        Katz(2, 4, 1, 5).ShouldBe(new Interval95(0.34, 18.63));
        funnel.Stages[1].AgainstHeadcount.Interpretation.ShouldStartWith("Above 1.25");
        funnel.Stages[0].ConditionalOnPreviousStage.ShouldBeNull();
    }

    [Fact]
    public async Task ComputesRelativeLikelihoodConditionalOnPreviousStageGivenHandBuiltScenario()
    {
        var funnel = await ScenarioAsync();

        // G or A among the raised:      BME 2 of 2 = 1.00, White 1 of 2 = 0.50 → 2.00
        // reviewed among G or A:        BME 1 of 2 = 0.50 (S003 awaits review), White 1 of 1 = 1.00 → 0.50
        // formal among reviewed:        BME 1 of 1, White 1 of 1 → 1.00
        var gOrA = funnel.Stages[1];
        gOrA.Bme.ShouldBe(new StageGroup(2, 4, 0.5, 2, 2, 1.0));
        gOrA.White.ShouldBe(new StageGroup(1, 5, 0.2, 1, 2, 0.5));
        gOrA.ConditionalOnPreviousStage!.RelativeLikelihood.ShouldBe(2.0);
        // SE = √(1/2 − 1/2 + 1/1 − 1/2) = √0.5 = 0.7071; ln 2 = 0.6931 ∓ 1.3859 → e^−0.6928 = 0.50, e^2.0790 = 8.00.
        gOrA.ConditionalOnPreviousStage.Ci95.ShouldBe(Score(2, 2, 1, 2));
        Katz(2, 2, 1, 2).ShouldBe(new Interval95(0.5, 8.0));

        var reviewed = funnel.Stages[2];
        reviewed.Bme.ShouldBe(new StageGroup(1, 4, 0.25, 1, 2, 0.5));
        reviewed.ConditionalOnPreviousStage!.RelativeLikelihood.ShouldBe(0.5);
        reviewed.ConditionalOnPreviousStage.Interpretation.ShouldStartWith("Below 0.80");

        funnel.Stages[3].ConditionalOnPreviousStage!.RelativeLikelihood.ShouldBe(1.0);
    }

    [Fact]
    public async Task BreaksDownFormalInvestigationsGivenHandBuiltScenario()
    {
        var funnel = await ScenarioAsync();
        BreakdownRow Row(string dimension, string category) =>
            funnel.Breakdowns.Single(b => b.Dimension == dimension).Rows.Single(r => r.Category == category);

        funnel.Breakdowns.Select(b => b.Dimension).ShouldBe(["band", "staffGroup", "lengthOfService", "directorate", "raisingManagerDirectorate"]);
        funnel.Breakdowns.Select(b => b.Stage).ShouldBe([BreakdownStages.Formal, BreakdownStages.Formal, BreakdownStages.Formal, BreakdownStages.Formal, BreakdownStages.Raised]);
        // Band 5 headcount: White S001, S005; BME S002. Entering: S001, S002. RL = (1/1) ÷ (1/2) = 2.00.
        var band5 = Row("band", "Band 5");
        band5.White.ShouldBe(new GroupFigures(1, 2, 0.5));
        band5.Bme.ShouldBe(new GroupFigures(1, 1, 1.0));
        band5.Likelihood.RelativeLikelihood.ShouldBe(2.0);
        // Band 3 is S004 alone (not stated): shown, no ratio.
        Row("band", "Band 3").NotStated.ShouldBe(new NotStatedFigures(1, 1));
        Row("band", "Band 3").Likelihood.RelativeLikelihood.ShouldBeNull();
        // Medicine: White M001, S001; BME S002, S003; not stated S004. (1/2) ÷ (1/2) = 1.00.
        Row("directorate", "Medicine").Likelihood.RelativeLikelihood.ShouldBe(1.0);
        Row("directorate", "Surgery").White.ShouldBe(new GroupFigures(0, 1, 0));
        // Registered nursing: White M001, S001, S005; BME M002, S002, S003. (1/3) ÷ (1/3) = 1.00.
        Row("staffGroup", "Nursing and Midwifery Registered").White.ShouldBe(new GroupFigures(1, 3, 0.333333));
        // Service at 31 March 2026: S001 from 6 Jan 2020 = 6 years (6–10); S002 from 1 Mar 2021 = 5 years (3–5);
        // S004 from 14 Feb 2022 = 4 years (3–5).
        Row("lengthOfService", "6–10").White.Entering.ShouldBe(1);
        Row("lengthOfService", "3–5").Bme.Entering.ShouldBe(1);
        Row("lengthOfService", "3–5").NotStated.Entering.ShouldBe(1);
        funnel.Breakdowns.Single(b => b.Dimension == "lengthOfService").Rows.Select(r => r.Category)
            .ShouldBe(FunnelCalculator.ServiceBands.Where(b => funnel.Breakdowns[2].Rows.Any(r => r.Category == b)));
    }

    [Fact]
    public async Task BreaksDownConcernsRaisedByRaisingManagersDirectorateGivenHandBuiltScenario()
    {
        var funnel = await ScenarioAsync();

        var raising = funnel.Breakdowns.Single(b => b.Dimension == "raisingManagerDirectorate");
        // LM1 (staff M001, Medicine) raised about S001, S002 twice, S003 twice and S004; LM2 (M002, Surgery) about S005.
        // Medicine headcount: White M001, S001; BME S002, S003; not stated S004. Raised about (distinct): 1 / 2 / 1.
        var medicine = raising.Rows.Single(r => r.Category == "Medicine");
        medicine.White.ShouldBe(new GroupFigures(1, 2, 0.5));
        medicine.Bme.ShouldBe(new GroupFigures(2, 2, 1.0));
        medicine.NotStated.ShouldBe(new NotStatedFigures(1, 1));
        // (2/2) ÷ (1/2) = 2.00; SE = √(1/2 − 1/2 + 1/1 − 1/2) = √0.5 = 0.7071; ln 2 = 0.6931 ∓ 1.3859 → 0.50 to 8.00.
        medicine.Likelihood.RelativeLikelihood.ShouldBe(2.0);
        medicine.Likelihood.Ci95.ShouldBe(Score(2, 2, 1, 2));
        // Surgery headcount: White S005, BME M002; LM2 raised about S005 only: (0/1) ÷ (1/1) = 0.
        var surgery = raising.Rows.Single(r => r.Category == "Surgery");
        surgery.White.ShouldBe(new GroupFigures(1, 1, 1.0));
        surgery.Bme.ShouldBe(new GroupFigures(0, 1, 0));
        surgery.Likelihood.RelativeLikelihood.ShouldBe(0.0);
        // Corporate (X001, H001 White; H002 BME; A001 not stated) raised nothing: headcount only, no ratio.
        var corporate = raising.Rows.Single(r => r.Category == "Corporate");
        corporate.White.ShouldBe(new GroupFigures(0, 2, 0));
        corporate.Likelihood.RelativeLikelihood.ShouldBeNull();
        raising.Rows.Select(r => r.Category).ShouldBe(["Corporate", "Medicine", "Surgery"]);
    }

    [Fact]
    public async Task SuppressesSmallCountsAndWithholdsRatiosGivenPublication()
    {
        var funnel = ReportPublication.Funnel(await ScenarioAsync(), SmallCellSuppression.Default);

        var raised = funnel.Stages[0];
        raised.White.Count.ShouldBe(new ShownCount(null, "<5"));
        raised.White.Headcount.ShouldBe(new ShownCount(5, "5"));
        raised.White.Rate.ShouldBeNull(); // 2 of 5 would reveal the count
        raised.AgainstHeadcount.RelativeLikelihood.ShouldBeNull();
        raised.AgainstHeadcount.Ci95.ShouldBeNull();
        raised.AgainstHeadcount.Interpretation.ShouldBe(ReportPublication.WithheldInterpretation);
        funnel.Warnings.ShouldContain("Counts from 1 to 4 are shown as \"<5\" so that no one can be identified; rates and ratios that would reveal them are withheld.");
        var band5 = funnel.Breakdowns.Single(b => b.Dimension == "band").Rows.Single(r => r.Category == "Band 5");
        band5.Bme.Entering.Shown.ShouldBe("<5");
        band5.Likelihood.RelativeLikelihood.ShouldBeNull();
        // Every ratio published rests only on counts that are themselves published (0 or at least 5).
        funnel.Stages.ShouldAllBe(s => s.AgainstHeadcount.RelativeLikelihood == null);
    }

    [Fact]
    public async Task ShowsExactFiguresGivenAuditorScreen()
    {
        var funnel = ReportPublication.Funnel(await ScenarioAsync(), publication: null);

        funnel.ForPublication.ShouldBeFalse();
        funnel.Stages[0].White.Count.ShouldBe(new ShownCount(2, "2"));
        funnel.Stages[0].AgainstHeadcount.RelativeLikelihood.ShouldBe(1.25);
    }

    [Fact]
    public async Task ShowsTheSuppressedFiguresGivenLowerThreshold()
    {
        // Threshold 2: only counts of exactly 1 are suppressed; raised (2 and 2 of 5 and 4) is published in full.
        var funnel = ReportPublication.Funnel(await ScenarioAsync(), new SmallCellSuppression(2));

        funnel.Stages[0].AgainstHeadcount.RelativeLikelihood.ShouldBe(1.25);
        funnel.Stages[0].White.Rate.ShouldBe(0.4);
        funnel.Stages[1].White.Count.Shown.ShouldBe("<2");
        funnel.Stages[1].AgainstHeadcount.RelativeLikelihood.ShouldBeNull();
    }
}

public sealed class SqliteFunnelFromLogTests : FunnelFromLogTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresFunnelFromLogTests : FunnelFromLogTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
