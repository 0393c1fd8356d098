using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.Tests.Reports;

/// <summary>Indicator 3 prepared for publication: small cells suppressed, anything that would reveal them withheld.</summary>
public class Indicator3PublicationTests
{
    private static readonly ReportingYear Year = new(2025);

    /// <summary>A report computed by the real calculator from a headcount and formal starts, no database needed.</summary>
    private static Indicator3Report Report(int whiteHeadcount, int bmeHeadcount, int notStatedHeadcount, int whiteEntering, int bmeEntering, int notStatedEntering)
    {
        var people = new List<ReportPerson>();
        void Add(string prefix, Domain.Ethnicity.WresGroup group, int count) =>
            people.AddRange(Enumerable.Range(1, count).Select(i => new ReportPerson($"{prefix}{i}", group, "Band 5", "Nursing", "Medicine", new DateOnly(2020, 1, 1))));
        Add("W", Domain.Ethnicity.WresGroup.White, whiteHeadcount);
        Add("B", Domain.Ethnicity.WresGroup.Bme, bmeHeadcount);
        Add("N", Domain.Ethnicity.WresGroup.NotStated, notStatedHeadcount);
        var at = Year.StartUtc.AddDays(30);
        var log = new[] { ("W", whiteEntering), ("B", bmeEntering), ("N", notStatedEntering) }
            .SelectMany(g => Enumerable.Range(1, g.Item2).Select(i => new Persistence.DecisionLog.DecisionLogEntry
            {
                EventType = Persistence.DecisionLog.LogEventTypes.FormalInvestigationStarted,
                ConcernId = Guid.NewGuid(),
                SubjectStaffRef = $"{g.Item1}{i}",
                OccurredAtUtc = at,
            })).ToList();
        var population = new StaffPopulation(new Dictionary<ReportingYear, IReadOnlyList<ReportPerson>> { [Year] = people }, people);
        return Indicator3Calculator.Compute(Year, ReportBasis.Single, new ReportInputs(log, population, []));
    }

    [Fact]
    public void ShowsExactFiguresAndEveryWarningGivenAuditorScreen()
    {
        var report = Report(2500, 750, 120, 17, 9, 1);

        var shown = ReportPublication.Indicator3(report, publication: null);

        shown.ForPublication.ShouldBeFalse();
        shown.NotStated.Entering.ShouldBe(new ShownCount(1, "1"));
        // docs/domain/wres-indicator-3.md vector: 9/750 vs 17/2,500 → 1.76, score 0.81–3.86 (Katz 0.79–3.94).
        shown.RelativeLikelihood.ShouldBe(1.76);
        shown.Ci95.ShouldBe(new Interval95(0.81, 3.86));
        shown.Ci95Katz.ShouldBe(new Interval95(0.79, 3.94));
        shown.CiMethod.ShouldBe(IntervalMethods.KoopmanScore);
        shown.Warnings.ShouldBe(report.Warnings);
    }

    [Fact]
    public void KeepsRatioAndSuppressesNotStatedGivenGroupCountsAtLeastFive()
    {
        var report = Report(2500, 750, 120, 17, 9, 1);

        var shown = ReportPublication.Indicator3(report, SmallCellSuppression.Default);

        shown.White.Entering.ShouldBe(new ShownCount(17, "17"));
        shown.Bme.Entering.ShouldBe(new ShownCount(9, "9"));
        shown.NotStated.Entering.ShouldBe(new ShownCount(null, "<5"));
        shown.RelativeLikelihood.ShouldBe(1.76);
        shown.Bme.Rate.ShouldBe(0.012);
        shown.Warnings.ShouldContain("Counts from 1 to 4 are shown as \"<5\" so that no one can be identified; rates and ratios that would reveal them are withheld.");
        // The auditor's note quotes the not-stated count; the published one does not.
        report.Warnings.ShouldContain(w => w.StartsWith("1 person(s) whose ethnicity is not stated", StringComparison.Ordinal));
        shown.Warnings.ShouldNotContain(w => w.StartsWith("1 person(s)", StringComparison.Ordinal));
        shown.Warnings.ShouldContain("Staff whose ethnicity is not stated are shown separately and, as WRES requires, excluded from both groups and from the ratio.");
    }

    [Fact]
    public void WithholdsRatioIntervalAndRateGivenBmeCountBelowFive()
    {
        // docs/domain/wres-indicator-3.md vector 3/300 vs 5/1,200 → 2.40 (score 0.64–9.02) on screen; 3 BME would be revealed by the ratio.
        var report = Report(1200, 300, 0, 5, 3, 0);
        report.RelativeLikelihood.ShouldBe(2.4);
        report.Ci95.ShouldBe(new Interval95(0.64, 9.02));

        var shown = ReportPublication.Indicator3(report, SmallCellSuppression.Default);

        shown.Bme.Entering.Shown.ShouldBe("<5");
        shown.Bme.Rate.ShouldBeNull();
        shown.White.Rate.ShouldBe(0.004167);
        shown.RelativeLikelihood.ShouldBeNull();
        shown.Ci95.ShouldBeNull();
        shown.Ci95Katz.ShouldBeNull();
        shown.Interpretation.ShouldBe(ReportPublication.WithheldInterpretation);
        shown.Warnings.ShouldContain(w => w.StartsWith("The relative likelihood and its interval are not published because a count they rest on is below 5", StringComparison.Ordinal));
        // No warning may quote the suppressed count.
        shown.Warnings.ShouldNotContain(w => w.Contains("only 3 BME", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowsZeroUnsuppressedGivenNoCases()
    {
        var shown = ReportPublication.Indicator3(Report(1200, 300, 10, 20, 0, 0), SmallCellSuppression.Default);

        shown.Bme.Entering.ShouldBe(new ShownCount(0, "0"));
        shown.RelativeLikelihood.ShouldBe(0);
        // Score interval from 0 to a finite limit; Katz's has none.
        shown.Ci95.ShouldBe(Indicator3Calculator.Rounded(RatioIntervals.Koopman(0, 300, 20, 1200)));
        shown.Ci95!.Upper.ShouldNotBeNull();
        shown.Ci95Katz.ShouldBe(new Interval95(0, null));
    }

    [Fact]
    public void UsesConfiguredThresholdGivenTen()
    {
        var shown = ReportPublication.Indicator3(Report(2500, 750, 120, 17, 9, 1), new SmallCellSuppression(10));

        shown.Bme.Entering.Shown.ShouldBe("<10");
        shown.RelativeLikelihood.ShouldBeNull();
    }

    [Theory]
    // docs/domain/wres-indicator-3.md test vectors through the whole calculator, not only the formula: Katz as
    // published, and the score interval shown.
    [InlineData(2500, 750, 17, 9, 1.76, 0.79, 3.94, 0.81, 3.86)]
    [InlineData(1200, 300, 5, 3, 2.40, 0.58, 9.99, 0.64, 9.02)]
    [InlineData(90000, 30000, 300, 120, 1.20, 0.97, 1.48, 0.97, 1.48)]
    public void ReproducesPublishedVectorsGivenLogEntries(int whiteHeadcount, int bmeHeadcount, int white, int bme, double rl, double lower, double upper, double scoreLower, double scoreUpper)
    {
        var report = Report(whiteHeadcount, bmeHeadcount, 0, white, bme, 0);

        report.RelativeLikelihood.ShouldBe(rl);
        report.Ci95Katz.ShouldBe(new Interval95(lower, upper));
        report.Ci95.ShouldBe(new Interval95(scoreLower, scoreUpper));
    }
}
