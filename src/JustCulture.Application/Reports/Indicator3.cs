using System.Globalization;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Reports;

/// <summary>Single reporting year, or the two-year rolling figure (current + previous year).</summary>
public enum ReportBasis
{
    Single,
    Rolling,
}

/// <summary>Where a year's figures come from.</summary>
public static class FigureSources
{
    /// <summary>Recomputed from the live database's decision log and headcount snapshot.</summary>
    public const string Live = "live";

    /// <summary>Totals imported with <c>history import</c> for a year before adoption; not recomputable.</summary>
    public const string Imported = "imported";

    /// <summary>Recomputed offline from a decision-log export and staff files.</summary>
    public const string Export = "export";
}

/// <summary>Everything the reports compute from: log entries, who was employed, imported history.</summary>
/// <param name="Log">Decision-log entries (any types; the calculations pick the events they count).</param>
/// <param name="Population">Headcount snapshots per year and staff records to fall back on.</param>
/// <param name="History">Imported pre-adoption figures.</param>
/// <param name="RecomputedSource">How figures recomputed from <paramref name="Log"/> are labelled: "live" or "export".</param>
/// <param name="UserStaffRefs">User id → the user's own staff ref, for breakdowns by who raised a concern; empty
/// offline (an export holds user ids only), where those breakdowns read "not linked".</param>
public sealed record ReportInputs(IReadOnlyList<DecisionLogEntry> Log, StaffPopulation Population, IReadOnlyList<WresHistoryEntry> History, string RecomputedSource = FigureSources.Live,
    IReadOnlyDictionary<string, string>? UserStaffRefs = null);

public sealed record GroupFigures(int Entering, int Headcount, double? Rate);

public sealed record NotStatedFigures(int Entering, int Headcount);

public sealed record Interval95(double Lower, double? Upper);

/// <summary>One reporting year's contribution to the figure, with its source.</summary>
public sealed record Indicator3Year(string Year, string Source, GroupFigures White, GroupFigures Bme, NotStatedFigures NotStated);

/// <summary>
/// WRES indicator 3, in the shape the CLI prints as JSON and the API returns. Ratio and interval are rounded to
/// two decimals as published; rates to six. <see cref="Ci95"/>.Upper is null when the interval is unbounded;
/// <see cref="Ci95"/> is null when the ratio is undefined. Each is explained in <see cref="Warnings"/>.
/// </summary>
public sealed record Indicator3Report(
    string Year,
    string Basis,
    string BasisLabel,
    string Source,
    IReadOnlyList<Indicator3Year> Years,
    GroupFigures White,
    GroupFigures Bme,
    NotStatedFigures NotStated,
    double? RelativeLikelihood,
    Interval95? Ci95,
    string Interpretation,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Warnings from the ratio itself (they quote counts), as opposed to notes about the data.</summary>
    public IReadOnlyList<string> StatisticalWarnings { get; init; } = [];

    /// <summary>Notes about the data fit for publication: no staff refs and no counts.</summary>
    public IReadOnlyList<string> PublicNotes { get; init; } = [];

    /// <summary>The signed checkpoint of the log the figures were computed against; null only when the log is empty.</summary>
    public Log.LogCheckpointSummary? Checkpoint { get; init; }

    /// <summary>How <see cref="Ci95"/> was computed: Koopman's score interval (<see cref="IntervalMethods"/>).</summary>
    public string CiMethod { get; init; } = IntervalMethods.KoopmanScore;

    /// <summary>Katz's log interval, kept for comparability with figures published before; null when not computable.</summary>
    public Interval95? Ci95Katz { get; init; }
}

/// <summary>
/// A note about the data behind a figure. <see cref="Text"/> is for auditors and may quote exact counts, never
/// who (no staff refs: auditors see figures, not people); <see cref="PublicText"/> says the same without them, or is null when there is nothing to publish.
/// </summary>
public sealed record ReportNote(string Text, string? PublicText)
{
    public static ReportNote Public(string text) => new(text, text);
}

/// <summary>
/// WRES indicator 3 — the relative likelihood of BME staff entering a formal disciplinary investigation compared
/// with white staff — computed from decision-log entries, never from counters kept elsewhere (docs/domain/wres-indicator-3.md, docs/decisions/0003-hash-chained-decision-log.md).
/// A pure function of its inputs, so the live database and an offline export give identical figures.
/// <list type="bullet">
/// <item>Entering in a year: distinct <c>SubjectStaffRef</c>s of <c>FormalInvestigationStarted</c> entries whose
/// time is in [1 April 00:00, next 1 April 00:00) UK time. A person entering twice in the year counts once.</item>
/// <item>Group: the person's WRES group in that year's headcount snapshot; if absent from it, their staff record
/// (said in the warnings); if in neither, not stated (never guessed).</item>
/// <item>Headcount: the year's snapshot (31 March position) by group. Not stated is shown, excluded from the ratio.</item>
/// <item>Two-year rolling basis: WRES technical guidance takes the average of the current and previous year. Each
/// year counts distinct staff entering in that year against that year's headcount, and the two years are added:
/// entering and headcount are two-year totals (person-years), so the rate is the two-year average entering ÷
/// average headcount, and the interval uses the totals. Someone entering in both years counts once in each, just
/// as they are in both years' headcounts.</item>
/// <item>A year with imported history and no cases in the log is reported from the imported totals, labelled
/// "imported".</item>
/// </list>
/// </summary>
public static class Indicator3Calculator
{
    public const string What = "entered a formal investigation";

    public static Indicator3Report Compute(ReportingYear year, ReportBasis basis, ReportInputs inputs, SmallNumbersPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var years = basis == ReportBasis.Rolling ? new[] { year.Previous, year } : [year];
        var warnings = new List<ReportNote>();
        var parts = new List<Indicator3Year>();
        var enteringPeople = new List<HashSet<string>>();
        foreach (var y in years)
        {
            var (part, people) = ComputeYear(y, inputs, warnings);
            parts.Add(part);
            enteringPeople.Add(people);
        }

        if (enteringPeople.Count == 2)
        {
            var both = enteringPeople[0].Intersect(enteringPeople[1], StringComparer.Ordinal).Count();
            if (both > 0)
            {
                warnings.Add(new(string.Create(CultureInfo.InvariantCulture,
                    $"{both} person(s) entered a formal investigation in both {years[0]} and {years[1]}; on the rolling basis each is counted once in each year, as they are in each year's headcount."),
                    $"Anyone who entered a formal investigation in both {years[0]} and {years[1]} is counted once in each year, as they are in each year's headcount."));
            }
        }

        var white = Sum(parts.Select(p => p.White));
        var bme = Sum(parts.Select(p => p.Bme));
        var notStated = new NotStatedFigures(parts.Sum(p => p.NotStated.Entering), parts.Sum(p => p.NotStated.Headcount));
        var estimate = RelativeLikelihood.Compute(bme.Entering, bme.Headcount, white.Entering, white.Headcount, What, policy);
        if (notStated.Entering > 0)
        {
            warnings.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"{notStated.Entering} person(s) whose ethnicity is not stated entered a formal investigation; as WRES requires they are excluded from both groups and from the ratio."),
                "Staff whose ethnicity is not stated are shown separately and, as WRES requires, excluded from both groups and from the ratio."));
        }

        var sources = parts.Select(p => p.Source).Distinct(StringComparer.Ordinal).ToList();
        return new Indicator3Report(
            year.ToString(),
            basis == ReportBasis.Rolling ? "rolling" : "single",
            BasisLabel(year, basis),
            string.Join('+', sources),
            parts,
            white,
            bme,
            notStated,
            estimate.Ratio is { } ratio ? RelativeLikelihood.Round(ratio) : null,
            Rounded(estimate.Interval),
            estimate.Interpretation,
            [.. estimate.Warnings, .. warnings.Select(w => w.Text)])
        {
            CiMethod = estimate.IntervalMethod,
            Ci95Katz = Rounded(estimate.KatzInterval),
            StatisticalWarnings = estimate.Warnings,
            PublicNotes = [.. warnings.Select(w => w.PublicText).OfType<string>().Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>An interval rounded to two decimals, as published.</summary>
    public static Interval95? Rounded(ConfidenceInterval? interval) =>
        interval is { } i ? new Interval95(RelativeLikelihood.Round(i.Lower), i.Upper is { } u ? RelativeLikelihood.Round(u) : null) : null;

    public static string BasisLabel(ReportingYear year, ReportBasis basis) => basis == ReportBasis.Rolling
        ? string.Create(CultureInfo.InvariantCulture,
            $"Two-year rolling {year.Previous} + {year} (1 April {year.Previous.StartYear} – 31 March {year.StartYear + 1}): entering and headcount are the two years' totals, each year counting distinct staff entering that year against its 31 March headcount; rate = two-year average entering ÷ average headcount")
        : string.Create(CultureInfo.InvariantCulture,
            $"Single year {year} (1 April {year.StartYear} – 31 March {year.StartYear + 1} UK time): distinct staff entering a formal investigation in the year; headcount as at {year.SnapshotDate:d MMMM yyyy}");

    /// <summary>Distinct subjects of entries of <paramref name="eventType"/> that happened in <paramref name="year"/>.</summary>
    public static HashSet<string> SubjectsIn(IEnumerable<DecisionLogEntry> log, string eventType, ReportingYear year, Func<DecisionLogEntry, bool>? also = null) =>
        EntriesIn(log, eventType, year)
            .Where(e => also is null || also(e))
            .Select(e => e.SubjectStaffRef!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The entries of one event type about a person (a subject staff ref) that happened in the year.</summary>
    public static IEnumerable<DecisionLogEntry> EntriesIn(IEnumerable<DecisionLogEntry> log, string eventType, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(log);
        var start = year.StartUtc;
        var end = year.EndUtc;
        return log.Where(e => string.Equals(e.EventType, eventType, StringComparison.Ordinal)
            && e.OccurredAtUtc >= start && e.OccurredAtUtc < end
            && !string.IsNullOrEmpty(e.SubjectStaffRef));
    }

    /// <summary>Whether the log holds any case in the year: if so the log, not imported history, is the source.</summary>
    public static bool HasCasesIn(IEnumerable<DecisionLogEntry> log, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(log);
        var start = year.StartUtc;
        var end = year.EndUtc;
        return log.Any(e => e.ConcernId is not null && e.OccurredAtUtc >= start && e.OccurredAtUtc < end);
    }

    /// <summary>Headcount by group from the year's snapshot.</summary>
    public static IReadOnlyDictionary<WresGroup, int> HeadcountByGroup(StaffPopulation population, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(population);
        return population.Headcount(year).ByGroup;
    }

    /// <summary>
    /// Splits people by WRES group as counted in <paramref name="year"/>, adding a warning for anyone not found in
    /// that year's snapshot.
    /// </summary>
    public static Dictionary<WresGroup, HashSet<string>> ByGroup(IEnumerable<string> staffRefs, ReportingYear year, StaffPopulation population, string what, List<ReportNote> warnings)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(warnings);
        var groups = Enum.GetValues<WresGroup>().ToDictionary(g => g, _ => new HashSet<string>(StringComparer.Ordinal));
        var fromRecord = new List<string>();
        var unknown = new List<string>();
        foreach (var staffRef in staffRefs.Order(StringComparer.Ordinal))
        {
            var (person, source) = population.Find(year, staffRef);
            groups[person.Group].Add(staffRef);
            if (source == PersonSource.StaffRecord)
            {
                fromRecord.Add(staffRef);
            }
            else if (source == PersonSource.Unknown)
            {
                unknown.Add(staffRef);
            }
        }

        if (fromRecord.Count > 0)
        {
            warnings.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"{year}: {fromRecord.Count} person(s) who {what} are not in the {year} headcount snapshot; their group is taken from their staff record instead, and they are not in the headcount."),
                $"{year}: some staff who {what} are not in the 31 March headcount snapshot (for example, they left during the year); their group is taken from their staff record."));
        }

        if (unknown.Count > 0)
        {
            warnings.Add(new(string.Create(CultureInfo.InvariantCulture,
                $"{year}: {unknown.Count} person(s) who {what} are in no staff record; they are counted as not stated rather than guessed."),
                $"{year}: some staff who {what} are in no staff record; they are counted as not stated rather than guessed."));
        }

        return groups;
    }

    private static (Indicator3Year Part, HashSet<string> People) ComputeYear(ReportingYear year, ReportInputs inputs, List<ReportNote> warnings)
    {
        var yearText = year.ToString();
        var imported = inputs.History.Where(h => h.Year == yearText).ToList();
        var hasCases = HasCasesIn(inputs.Log, year);
        if (imported.Count > 0 && !hasCases)
        {
            GroupFigures Figures(WresGroup g) => imported.FirstOrDefault(h => h.WresGroup == g) is { } row
                ? new GroupFigures(row.Entering, row.Headcount, Rate(row.Entering, row.Headcount))
                : new GroupFigures(0, 0, null);
            var notStated = Figures(WresGroup.NotStated);
            warnings.Add(ReportNote.Public($"{yearText} figures are imported totals from before adoption (labelled \"imported\"): they cannot be recomputed from the decision log."));
            return (new Indicator3Year(yearText, FigureSources.Imported, Figures(WresGroup.White), Figures(WresGroup.Bme), new NotStatedFigures(notStated.Entering, notStated.Headcount)), []);
        }

        if (imported.Count > 0)
        {
            warnings.Add(ReportNote.Public($"{yearText}: imported history exists but the decision log holds cases in this year, so the figures are recomputed from the log and the imported totals are not used."));
        }

        if (!inputs.Population.HasSnapshot(year))
        {
            warnings.Add(ReportNote.Public($"{yearText}: no headcount snapshot; import the staff file as at {year.SnapshotDate:d MMMM yyyy} (staff import --year {yearText}). Headcounts are shown as 0."));
        }

        var entering = SubjectsIn(inputs.Log, LogEventTypes.FormalInvestigationStarted, year);
        var byGroup = ByGroup(entering, year, inputs.Population, What, warnings);
        var headcount = HeadcountByGroup(inputs.Population, year);
        GroupFigures Live(WresGroup g) => new(byGroup[g].Count, headcount[g], Rate(byGroup[g].Count, headcount[g]));
        return (new Indicator3Year(yearText, inputs.RecomputedSource, Live(WresGroup.White), Live(WresGroup.Bme),
            new NotStatedFigures(byGroup[WresGroup.NotStated].Count, headcount[WresGroup.NotStated])), entering);
    }

    private static GroupFigures Sum(IEnumerable<GroupFigures> figures)
    {
        var list = figures.ToList();
        var entering = list.Sum(f => f.Entering);
        var headcount = list.Sum(f => f.Headcount);
        return new GroupFigures(entering, headcount, Rate(entering, headcount));
    }

    public static double? Rate(int count, int headcount) => headcount == 0 ? null : Math.Round((double)count / headcount, 6, MidpointRounding.AwayFromZero);
}
