using JustCulture.Application.Formal;
using JustCulture.Domain;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Formal;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Reports;

/// <summary>How long suspensions, exclusions and restrictions of duties lasted for one group: those that ended in the
/// year (from approval to the end, in days) and those still in force at the year's end.</summary>
public sealed record SuspensionLength(string Group, int Ended, double? MedianDays, int? LongestDays, int InForceAtYearEnd);

/// <summary>
/// The funnel's stages after the formal investigation starts, and suspension (docs/domain/beyond-the-indicator.md,
/// "Disparity funnel"), each counted from decision-log entries alone — the fixed choice at the head of each entry's
/// answer (<see cref="FormalProcessSteps.Answer"/>) — in the year the entry was written. Each stage names the stage its
/// conditional figure is of.
/// </summary>
public static class FormalProcessStages
{
    public const string NoCaseToAnswer = "no-case-to-answer";

    /// <summary>The relative likelihood above which a figure is outside the non-adverse band (docs/domain/wres-indicator-3.md).</summary>
    private const double NonAdverseUpper = 1.25;

    /// <summary>The smallest count a sentence about a stage may rest on in a publication (the default suppression threshold).</summary>
    private const int PublishableCount = 5;

    public static readonly IReadOnlyList<string> CountedEvents =
    [
        LogEventTypes.InvestigationConcluded, LogEventTypes.HearingHeld, LogEventTypes.AppealDecided,
        LogEventTypes.SuspensionApproved, LogEventTypes.SuspensionContinued, LogEventTypes.SuspensionEnded, LogEventTypes.SuspensionDeclined,
    ];

    private static readonly string[] Sanctions =
        [nameof(HearingOutcome.FirstWrittenWarning), nameof(HearingOutcome.FinalWrittenWarning), nameof(HearingOutcome.Dismissal), nameof(HearingOutcome.Other)];

    private static bool Is(DecisionLogEntry e, params string[] choices) => FormalProcessSteps.Choice(e.Answer) is { } c && choices.Contains(c, StringComparer.Ordinal);

    /// <summary>Each stage; its <c>What</c> is a phrase that must read both after "staff" and after "to have" (the figure's sentences use both).</summary>
    internal static IEnumerable<(string Key, string Name, string Definition, string What, HashSet<string> People, string? Previous)> For(
        IReadOnlyList<DecisionLogEntry> log, ReportingYear year)
    {
        HashSet<string> Subjects(string eventType, params string[] choices) => Indicator3Calculator.SubjectsIn(log, eventType, year, e => Is(e, choices));
        return
        [
            (NoCaseToAnswer, "No case to answer", "Distinct staff whose formal investigation concluded in the year with no case to answer (InvestigationConcluded).",
                "had an investigation end with no case to answer", Subjects(LogEventTypes.InvestigationConcluded, nameof(InvestigationFinding.NoCaseToAnswer)), "formal"),
            ("case-to-answer", "Case to answer", "Distinct staff whose formal investigation concluded in the year with a case to answer (InvestigationConcluded).",
                "had an investigation find a case to answer", Subjects(LogEventTypes.InvestigationConcluded, nameof(InvestigationFinding.CaseToAnswer)), "formal"),
            ("sanction", "Sanction at a hearing", "Distinct staff given a sanction at a disciplinary hearing in the year — a written warning, dismissal or another outcome, anything but no action (HearingHeld).",
                "received a sanction at a hearing", Subjects(LogEventTypes.HearingHeld, Sanctions), "case-to-answer"),
            ("final-warning-or-dismissal", "Final written warning or dismissal", "Distinct staff given a final written warning or dismissed at a hearing in the year: the severest sanctions (HearingHeld).",
                "received a final written warning or dismissal", Subjects(LogEventTypes.HearingHeld, nameof(HearingOutcome.FinalWrittenWarning), nameof(HearingOutcome.Dismissal)), "sanction"),
            ("dismissal", "Dismissal", "Distinct staff dismissed at a hearing in the year (HearingHeld).",
                "had a hearing end in dismissal", Subjects(LogEventTypes.HearingHeld, nameof(HearingOutcome.Dismissal)), "sanction"),
            ("appeal-upheld", "Appeal upheld", "Distinct staff whose appeal against a sanction was upheld, fully or in part, in the year (AppealDecided).",
                "had an appeal upheld", Subjects(LogEventTypes.AppealDecided, nameof(AppealOutcome.Upheld), nameof(AppealOutcome.PartlyUpheld)), "sanction"),
            // Continued counts too: a measure approved in March and continued in April is in force in both years.
            ("suspension", "Suspended, excluded or restricted", "Distinct staff with a suspension, exclusion or restriction of duties approved in the year, new or continued (SuspensionApproved, SuspensionContinued).",
                "had a suspension, exclusion or restriction approved", [.. Indicator3Calculator.SubjectsIn(log, LogEventTypes.SuspensionApproved, year),
                    .. Indicator3Calculator.SubjectsIn(log, LogEventTypes.SuspensionContinued, year)], "raised"),
        ];
    }

    /// <summary>
    /// A high "no case to answer" rate for BME staff, said in words: among staff whose formal investigation started,
    /// BME staff more often had no case to answer — they were put into formal investigations that did not need to
    /// happen, which points to bias in referral rather than in the investigation. Said in a publication only when
    /// every count it rests on is large enough to publish.
    /// </summary>
    internal static ReportNote? ReferralBiasNote(string stageKey, StageGroup white, StageGroup bme, Likelihood? conditional)
    {
        if (stageKey != NoCaseToAnswer || conditional?.RelativeLikelihood is not { } rl || rl <= NonAdverseUpper)
        {
            return null;
        }

        var interval = conditional.Ci95 is { } ci
            ? " (95% confidence interval " + RelativeLikelihood.Format(ci.Lower) + "–" + (ci.Upper is { } u ? RelativeLikelihood.Format(u) : "unbounded") + ")"
            : string.Empty;
        var text = "No case to answer: of the staff whose formal investigation started, BME staff were " + RelativeLikelihood.Format(rl) +
            " times as likely as white staff to be found to have no case to answer" + interval + ". " +
            "A high “no case to answer” rate for BME staff points to referral bias: BME staff are being put into formal investigations that the evidence does not support. " +
            "Look at who raises these concerns and at the review decisions that sent them to a formal investigation.";
        var publishable = new[] { white.InPreviousStage, white.PreviousStageCount, bme.InPreviousStage, bme.PreviousStageCount }
            .All(n => n is >= PublishableCount);
        return new ReportNote(text, publishable ? text : null);
    }

    /// <summary>
    /// Suspension lengths by group: on each case, an approval (<c>SuspensionApproved</c>) puts a measure in force until
    /// its end (<c>SuspensionEnded</c>, or <c>SuspensionDeclined</c> of a continuation); only one is open on a case at a
    /// time. Counted: measures that ended in the year (days from the first approval to the end, UK dates), and those
    /// still in force at the year's end. The person's group is the year's, as for every stage.
    /// </summary>
    internal static IReadOnlyList<SuspensionLength> SuspensionLengths(IReadOnlyList<DecisionLogEntry> log, ReportingYear year, StaffPopulation population)
    {
        var yearStart = year.StartUtc;
        var yearEnd = year.EndUtc;
        var lengths = new List<(WresGroup Group, int? Days)>();
        foreach (var onCase in log.Where(e => e.ConcernId is not null && e.SubjectStaffRef is not null
                     && e.EventType is LogEventTypes.SuspensionApproved or LogEventTypes.SuspensionEnded or LogEventTypes.SuspensionDeclined)
                 .GroupBy(e => e.ConcernId))
        {
            DecisionLogEntry? since = null;
            foreach (DecisionLogEntry e in onCase.OrderBy(e => e.OccurredAtUtc).ThenBy(e => e.EntryId))
            {
                if (e.EventType == LogEventTypes.SuspensionApproved)
                {
                    since ??= e; // a continuation keeps the first approval as the start
                    continue;
                }

                if (since is null)
                {
                    continue; // a proposal declined or withdrawn: never in force
                }

                if (e.OccurredAtUtc >= yearStart && e.OccurredAtUtc < yearEnd)
                {
                    lengths.Add((GroupOf(e.SubjectStaffRef!), UkDates.UkDateOf(e.OccurredAtUtc).DayNumber - UkDates.UkDateOf(since.OccurredAtUtc).DayNumber));
                }

                since = null;
            }

            if (since is not null && since.OccurredAtUtc < yearEnd)
            {
                lengths.Add((GroupOf(since.SubjectStaffRef!), null));
            }
        }

        return [.. new[] { WresGroup.White, WresGroup.Bme, WresGroup.NotStated }.Select(g =>
        {
            var ended = lengths.Where(l => l.Group == g && l.Days is not null).Select(l => l.Days!.Value).Order().ToList();
            return new SuspensionLength(Vocabulary.Group(g), ended.Count, Median(ended), ended.Count == 0 ? null : ended[^1], lengths.Count(l => l.Group == g && l.Days is null));
        })];

        WresGroup GroupOf(string staffRef) => population.Find(year, staffRef).Person.Group;
    }

    private static double? Median(List<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
