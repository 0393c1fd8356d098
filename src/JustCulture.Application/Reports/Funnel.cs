using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Reports;

/// <summary>A relative likelihood as reports show it: rounded, with its reading and warnings.</summary>
public sealed record Likelihood(double? RelativeLikelihood, Interval95? Ci95, string Interpretation, IReadOnlyList<string> Warnings)
{
    public static Likelihood From(RelativeLikelihoodEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new(
            estimate.Ratio is { } ratio ? Domain.Reporting.RelativeLikelihood.Round(ratio) : null,
            estimate.Interval is { } i ? new Interval95(Domain.Reporting.RelativeLikelihood.Round(i.Lower), i.Upper is { } u ? Domain.Reporting.RelativeLikelihood.Round(u) : null) : null,
            estimate.Interpretation,
            estimate.Warnings);
    }
}

/// <summary>
/// One group at one stage. <see cref="Count"/> and <see cref="Rate"/> are against the headcount;
/// <see cref="InPreviousStage"/> of <see cref="PreviousStageCount"/> is the conditional figure (null at the first stage).
/// </summary>
public sealed record StageGroup(int Count, int Headcount, double? Rate, int? InPreviousStage, int? PreviousStageCount, double? ConditionalRate);

public sealed record FunnelStage(
    string Stage,
    string Name,
    string Definition,
    StageGroup White,
    StageGroup Bme,
    StageGroup NotStated,
    Likelihood AgainstHeadcount,
    Likelihood? ConditionalOnPreviousStage)
{
    /// <summary>The key of the stage the conditional figure is of (null: the stage listed before this one).</summary>
    public string? PreviousStage { get; init; }

    /// <summary>The name of the stage the conditional figure is of; null at the first stage.</summary>
    public string? PreviousStageName { get; init; }
}

public sealed record BreakdownRow(string Category, GroupFigures White, GroupFigures Bme, NotStatedFigures NotStated, Likelihood Likelihood);

/// <param name="Stage">Whose figures: <see cref="BreakdownStages.Formal"/> (indicator-3 entries) or
/// <see cref="BreakdownStages.Raised"/> (staff with a concern raised about them).</param>
public sealed record Breakdown(string Dimension, string Stage, IReadOnlyList<BreakdownRow> Rows);

public static class BreakdownStages
{
    public const string Formal = "formal";
    public const string Raised = "raised";
}

/// <summary>The words for a breakdown's dimension key (the key stays in JSON and CSV; people read the words).</summary>
public static class BreakdownDimensions
{
    public static string Label(string dimension) => dimension switch
    {
        "band" => "pay band",
        "staffGroup" => "staff group",
        "lengthOfService" => "length of service",
        "directorate" => "directorate",
        "raisingManagerDirectorate" => "raising manager's directorate",
        _ => dimension,
    };
}

public sealed record FunnelReport(string Year, string Source, IReadOnlyList<FunnelStage> Stages, IReadOnlyList<Breakdown> Breakdowns, IReadOnlyList<string> Warnings)
{
    /// <summary>Notes about the data fit for publication: no staff refs and no counts.</summary>
    public IReadOnlyList<string> PublicNotes { get; init; } = [];

    /// <summary>The signed checkpoint of the log the figures were computed against; null only when the log is empty.</summary>
    public Log.LogCheckpointSummary? Checkpoint { get; init; }

    /// <summary>How long suspensions, exclusions and restrictions of duties lasted, by group (exact figures: on screen only).</summary>
    public IReadOnlyList<SuspensionLength> SuspensionLengths { get; init; } = [];
}

/// <summary>
/// The disparity funnel and breakdowns (docs/domain/beyond-the-indicator.md) for one reporting year, from decision-log entries.
/// Every stage counts <b>distinct staff</b> (subject staff refs) whose stage event happened in the year
/// (1 April – 31 March UK time); groups as for indicator 3 (the year's snapshot, else the staff record).
/// <list type="number">
/// <item><b>raised</b> — the subject of a <c>ConcernOpened</c> entry.</item>
/// <item><b>outcome-g-or-a</b> — the subject of an <c>OutcomeRecorded</c> entry with outcome G (no mitigation) or
/// A (deliberate harm): the two outcomes where action against the individual may follow.</item>
/// <item><b>reviewed</b> — "referred for review": the subject of a <c>ReviewDecided</c> entry on an action whose
/// checklist outcome was G or A. Every action goes to review, so this stage is the G/A cases a commissioning
/// manager has decided; it is restricted to G/A so that it sits inside the previous stage.</item>
/// <item><b>formal</b> — the subject of a <c>FormalInvestigationStarted</c> entry, whatever the outcome: exactly the
/// people counted by indicator 3, so the funnel ends at the published figure.</item>
/// </list>
/// Against headcount: (BME at stage ÷ BME headcount) ÷ (white at stage ÷ white headcount). Conditional on the
/// previous stage: among people at the previous stage this year, the share also at this stage, BME ÷ white. Because
/// a case can cross a year boundary between stages, and a formal investigation can follow an outcome other than G or
/// A, someone can be at a stage without being at the previous one this year; the conditional figure counts only the
/// people at both, so it is always a proportion, and how many are at this stage only is shown
/// (<see cref="StageGroup.InPreviousStage"/> versus <see cref="StageGroup.Count"/>).
/// Breakdowns are of indicator-3 entries (single year) and the headcount by band, staff group, length of service
/// as at 31 March and directorate, using each person's snapshot attributes. One more breakdown asks where concerns
/// come from: staff with a concern raised about them in the year, by the <b>raising manager's directorate</b> (the
/// manager's own staff record, as for any person), against the headcount of that directorate. Someone raised about
/// by managers in two directorates counts once in each. A manager with no staff record is "Not linked to a staff
/// record" (headcount 0).
/// </summary>
public static class FunnelCalculator
{
    public static readonly IReadOnlyList<string> ServiceBands = ["<1", "1–2", "3–5", "6–10", ">10"];

    public static FunnelReport Compute(ReportingYear year, ReportInputs inputs, SmallNumbersPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var warnings = new List<ReportNote>();
        if (!inputs.Population.HasSnapshot(year))
        {
            warnings.Add(ReportNote.Public($"{year}: no headcount snapshot; import the staff file as at {year.SnapshotDate:d MMMM yyyy} (staff import --year {year}). Headcounts are shown as 0."));
        }

        if (!Indicator3Calculator.HasCasesIn(inputs.Log, year) && inputs.History.Any(h => h.Year == year.ToString()))
        {
            warnings.Add(ReportNote.Public($"{year} has only imported indicator-3 totals; the funnel and breakdowns need the decision log, so they are empty for this year."));
        }

        var log = inputs.Log;
        var gaActions = log
            .Where(e => e.EventType == LogEventTypes.OutcomeRecorded && e.Answer is "G" or "A" && e.WorkflowInstanceId is not null)
            .Select(e => e.WorkflowInstanceId!.Value)
            .ToHashSet();
        var stages = new (string Key, string Name, string Definition, string What, HashSet<string> People, string? Previous)[]
        {
            ("raised", "Concern raised", "Distinct staff who were the subject of a concern opened in the year (ConcernOpened).",
                "had a concern raised about them", Indicator3Calculator.SubjectsIn(log, LogEventTypes.ConcernOpened, year), null),
            ("outcome-g-or-a", "Checklist outcome G or A", "Distinct staff with a checklist outcome of G (no mitigation) or A (deliberate harm) recorded in the year (OutcomeRecorded).",
                "reached checklist outcome G or A", Indicator3Calculator.SubjectsIn(log, LogEventTypes.OutcomeRecorded, year, e => e.Answer is "G" or "A"), null),
            ("reviewed", "Referred for review (after G or A)", "Distinct staff with a commissioning review decided in the year on an action whose checklist outcome was G or A (ReviewDecided).",
                "had a G or A case reviewed", Indicator3Calculator.SubjectsIn(log, LogEventTypes.ReviewDecided, year, e => e.WorkflowInstanceId is { } id && gaActions.Contains(id)), null),
            ("formal", "Formal investigation started", "Distinct staff whose formal investigation started in the year (FormalInvestigationStarted), after any outcome: the indicator-3 count.",
                Indicator3Calculator.What, Indicator3Calculator.SubjectsIn(log, LogEventTypes.FormalInvestigationStarted, year), null),
        }.Concat(FormalProcessStages.For(log, year)).ToArray();

        var headcount = Indicator3Calculator.HeadcountByGroup(inputs.Population, year);
        var result = new List<FunnelStage>();
        Dictionary<WresGroup, HashSet<string>>? previous = null;
        var byKey = new Dictionary<string, (string Name, Dictionary<WresGroup, HashSet<string>> People)>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            // The formal process's stages name the stage they follow; the first four follow the one before them.
            if (stage.Previous is { } previousKey)
            {
                previous = byKey[previousKey].People;
            }

            var byGroup = Indicator3Calculator.ByGroup(stage.People, year, inputs.Population, stage.What, warnings);
            StageGroup Figures(WresGroup g)
            {
                var count = byGroup[g].Count;
                if (previous is null)
                {
                    return new StageGroup(count, headcount[g], Indicator3Calculator.Rate(count, headcount[g]), null, null, null);
                }

                var both = byGroup[g].Count(previous[g].Contains);
                return new StageGroup(count, headcount[g], Indicator3Calculator.Rate(count, headcount[g]), both, previous[g].Count, Indicator3Calculator.Rate(both, previous[g].Count));
            }

            var white = Figures(WresGroup.White);
            var bme = Figures(WresGroup.Bme);
            var against = Likelihood.From(RelativeLikelihood.Compute(bme.Count, bme.Headcount, white.Count, white.Headcount, stage.What, policy));
            var conditional = previous is null
                ? null
                : Likelihood.From(RelativeLikelihood.Compute(bme.InPreviousStage!.Value, bme.PreviousStageCount!.Value, white.InPreviousStage!.Value, white.PreviousStageCount!.Value,
                    $"{stage.What} among those at the previous stage", policy));
            result.Add(new FunnelStage(stage.Key, stage.Name, stage.Definition, white, bme, Figures(WresGroup.NotStated), against, conditional)
            {
                PreviousStage = stage.Previous,
                PreviousStageName = result.Count == 0 ? null : stage.Previous is { } p ? byKey[p].Name : result[^1].Name,
            });
            if (FormalProcessStages.ReferralBiasNote(stage.Key, white, bme, conditional) is { } note)
            {
                warnings.Add(note);
            }

            previous = byGroup;
            byKey[stage.Key] = (stage.Name, byGroup);
        }

        var entering = stages.Single(s => s.Key == "formal").People;
        var breakdowns = new List<Breakdown>
        {
            BreakdownBy("band", HeadcountDimension.Band, year, entering, inputs.Population, policy),
            BreakdownBy("staffGroup", HeadcountDimension.StaffGroup, year, entering, inputs.Population, policy),
            BreakdownBy("lengthOfService", HeadcountDimension.LengthOfService, year, entering, inputs.Population, policy, ServiceBands),
            BreakdownBy("directorate", HeadcountDimension.Directorate, year, entering, inputs.Population, policy),
            RaisingAreaBreakdown(year, inputs, policy),
        };

        return new FunnelReport(year.ToString(), inputs.RecomputedSource, result, breakdowns, warnings.Select(w => w.Text).Distinct(StringComparer.Ordinal).ToList())
        {
            PublicNotes = [.. warnings.Select(w => w.PublicText).OfType<string>().Distinct(StringComparer.Ordinal)],
            SuspensionLengths = FormalProcessStages.SuspensionLengths(log, year, inputs.Population),
        };
    }

    /// <summary>Whole years of service on 31 March, banded: &lt;1, 1–2, 3–5, 6–10, &gt;10.</summary>
    public static string ServiceBand(DateOnly startDate, DateOnly asAt)
    {
        if (startDate == default)
        {
            return "Unknown";
        }

        var years = asAt.Year - startDate.Year;
        if (asAt < startDate.AddYears(years))
        {
            years--;
        }

        return years switch
        {
            < 1 => "<1",
            <= 2 => "1–2",
            <= 5 => "3–5",
            <= 10 => "6–10",
            _ => ">10",
        };
    }

    public const string NotLinkedArea = "Not linked to a staff record";

    private static Breakdown RaisingAreaBreakdown(ReportingYear year, ReportInputs inputs, SmallNumbersPolicy? policy)
    {
        var users = inputs.UserStaffRefs ?? new Dictionary<string, string>();
        string AreaOf(string raiserUserId) => users.TryGetValue(raiserUserId, out var staffRef) && inputs.Population.Find(year, staffRef) is { Source: not PersonSource.Unknown } raiser
            ? raiser.Person.Directorate
            : NotLinkedArea;
        var raised = Indicator3Calculator.EntriesIn(inputs.Log, LogEventTypes.ConcernOpened, year)
            .Select(e => (Area: AreaOf(e.ActorId), Subject: e.SubjectStaffRef!))
            .Distinct()
            .Select(x => (x.Area, inputs.Population.Find(year, x.Subject).Person));
        return Breakdown("raisingManagerDirectorate", BreakdownStages.Raised, HeadcountDimension.Directorate, raised, year, inputs.Population, policy,
            "had a concern raised about them by a manager in this directorate");
    }

    private static Breakdown BreakdownBy(string dimension, HeadcountDimension category, ReportingYear year, HashSet<string> entering,
        StaffPopulation population, SmallNumbersPolicy? policy, IReadOnlyList<string>? order = null) =>
        Breakdown(dimension, BreakdownStages.Formal, category, entering.Select(r => population.Find(year, r).Person).Select(p => (SnapshotHeadcount.CategoryOf(category, p, year), p)),
            year, population, policy, Indicator3Calculator.What, order);

    /// <param name="counted">Each person counted at the stage, with the category they are counted in.</param>
    /// <param name="headcountCategory">The dimension whose categories the headcount snapshot is counted by.</param>
    private static Breakdown Breakdown(string dimension, string stage, HeadcountDimension headcountCategory, IEnumerable<(string Category, ReportPerson Person)> counted,
        ReportingYear year, StaffPopulation population, SmallNumbersPolicy? policy, string what, IReadOnlyList<string>? order = null)
    {
        var headcount = population.Headcount(year).By(headcountCategory);
        var entered = counted.GroupBy(c => c.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(c => c.Person.Group).ToDictionary(x => x.Key, x => x.Count()), StringComparer.Ordinal);
        var categories = headcount.Keys.Union(entered.Keys, StringComparer.Ordinal).ToList();
        categories = order is null
            ? [.. categories.Order(StringComparer.Ordinal)]
            : [.. categories.OrderBy(c => order.Contains(c) ? order.ToList().IndexOf(c) : int.MaxValue).ThenBy(c => c, StringComparer.Ordinal)];

        var rows = categories.Select(c =>
        {
            int Count(IReadOnlyDictionary<string, Dictionary<WresGroup, int>> source, WresGroup g) =>
                source.TryGetValue(c, out var groups) && groups.TryGetValue(g, out var n) ? n : 0;
            GroupFigures Figures(WresGroup g) => new(Count(entered, g), Count(headcount, g), Indicator3Calculator.Rate(Count(entered, g), Count(headcount, g)));
            var white = Figures(WresGroup.White);
            var bme = Figures(WresGroup.Bme);
            var likelihood = Likelihood.From(RelativeLikelihood.Compute(bme.Entering, bme.Headcount, white.Entering, white.Headcount, what, policy));
            return new BreakdownRow(c, white, bme, new NotStatedFigures(Count(entered, WresGroup.NotStated), Count(headcount, WresGroup.NotStated)), likelihood);
        }).ToList();
        return new Breakdown(dimension, stage, rows);
    }
}
