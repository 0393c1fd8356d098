using System.Text.Json.Serialization;

namespace JustCulture.Domain.Formal;

/// <summary>What the formal investigation found (docs/domain/formal-process.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InvestigationFinding>))]
public enum InvestigationFinding
{
    CaseToAnswer,
    NoCaseToAnswer,
}

/// <summary>The outcome of a disciplinary hearing, in order of severity; <see cref="Other"/> is any other outcome,
/// with what it was.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HearingOutcome>))]
public enum HearingOutcome
{
    NoAction,
    FirstWrittenWarning,
    FinalWrittenWarning,
    Dismissal,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<AppealOutcome>))]
public enum AppealOutcome
{
    Upheld,
    PartlyUpheld,
    NotUpheld,
}

/// <summary>
/// The formal process on one action after its formal investigation started: the investigation concluded (case to
/// answer or not), the hearing (date, panel, outcome) and an appeal (lodged, decided). Each stage needs the one before
/// it, so nothing formal can be recorded on an action a commissioning review did not send to a formal investigation
/// (docs/domain/formal-process.md). Dates are UK dates, never in the future, never before the stage before.
/// </summary>
public sealed class FormalProceeding
{
    public const int MaxPanelLength = 400;
    public const int MaxTextLength = 4000;

    private FormalProceeding()
    {
        ConcludedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ConcernId { get; private set; }
    public int ActionOrdinal { get; private set; }

    /// <summary>The UK date the formal investigation started (from the action), the earliest any stage may be dated.</summary>
    public DateOnly InvestigationStartedOn { get; private set; }

    public InvestigationFinding Finding { get; private set; }
    public DateOnly ConcludedOn { get; private set; }
    public string ConcludedByUserId { get; private set; }

    public DateOnly? HearingDate { get; private set; }

    /// <summary>Who sat on the panel (names or roles): free text, sealed in the log.</summary>
    public string? HearingPanel { get; private set; }
    public HearingOutcome? HearingOutcome { get; private set; }

    /// <summary>What the outcome was, for <see cref="Formal.HearingOutcome.Other"/>.</summary>
    public string? HearingOutcomeDetail { get; private set; }
    public string? HearingRecordedByUserId { get; private set; }

    public DateOnly? AppealLodgedOn { get; private set; }
    public AppealOutcome? AppealOutcome { get; private set; }
    public DateOnly? AppealDecidedOn { get; private set; }
    public string? AppealRecordedByUserId { get; private set; }

    public int Version { get; private set; }

    /// <summary>A sanction is any hearing outcome but no action: only then is there something to appeal.</summary>
    public bool HasSanction => HearingOutcome is { } o && o != Formal.HearingOutcome.NoAction;

    public static bool IsSanction(HearingOutcome outcome) => outcome != Formal.HearingOutcome.NoAction;

    /// <summary>Why <paramref name="date"/> cannot date a stage, or null: not after today, not before <paramref name="earliest"/>.</summary>
    public static string? DateProblem(DateOnly? date, DateOnly today, DateOnly earliest, string earliestWhat)
    {
        if (date is not { } d)
        {
            return "Give the date.";
        }

        if (d > today)
        {
            return "The date cannot be in the future.";
        }

        return d < earliest ? $"The date cannot be before {earliestWhat} ({UkDates.Date(earliest)})." : null;
    }

    public static FormalProceeding Conclude(Guid concernId, int actionOrdinal, DateOnly investigationStartedOn, InvestigationFinding finding,
        DateOnly concludedOn, string userId, DateOnly today)
    {
        Require(DateProblem(concludedOn, today, investigationStartedOn, "the formal investigation started") is null, "The conclusion date is out of range.");
        return new FormalProceeding
        {
            Id = Guid.NewGuid(),
            ConcernId = concernId,
            ActionOrdinal = actionOrdinal,
            InvestigationStartedOn = investigationStartedOn,
            Finding = finding,
            ConcludedOn = concludedOn,
            ConcludedByUserId = userId,
            Version = 1,
        };
    }

    /// <summary>Why a hearing cannot be recorded now, or null.</summary>
    public string? HearingRefusal() =>
        Finding == InvestigationFinding.NoCaseToAnswer ? "The investigation found no case to answer: there is no hearing."
        : HearingOutcome is not null ? "The hearing's outcome is already recorded."
        : null;

    public void RecordHearing(DateOnly date, string panel, HearingOutcome outcome, string? detail, string userId, DateOnly today)
    {
        Require(HearingRefusal() is null, HearingRefusal() ?? string.Empty);
        Require(DateProblem(date, today, ConcludedOn, "the investigation concluded") is null, "The hearing date is out of range.");
        Require(!string.IsNullOrWhiteSpace(panel), "The panel is required.");
        Require(outcome != Formal.HearingOutcome.Other || !string.IsNullOrWhiteSpace(detail), "Say what the other outcome was.");
        HearingDate = date;
        HearingPanel = panel.Trim();
        HearingOutcome = outcome;
        HearingOutcomeDetail = outcome == Formal.HearingOutcome.Other ? detail!.Trim() : null;
        HearingRecordedByUserId = userId;
        Version++;
    }

    /// <summary>Why an appeal cannot be lodged now, or null.</summary>
    public string? AppealRefusal() =>
        HearingOutcome is null ? "No hearing outcome is recorded: there is nothing to appeal."
        : !HasSanction ? "The hearing gave no sanction: there is nothing to appeal."
        : AppealLodgedOn is not null ? "An appeal is already lodged."
        : null;

    public void LodgeAppeal(DateOnly lodgedOn, string userId, DateOnly today)
    {
        Require(AppealRefusal() is null, AppealRefusal() ?? string.Empty);
        Require(DateProblem(lodgedOn, today, HearingDate!.Value, "the hearing") is null, "The appeal date is out of range.");
        AppealLodgedOn = lodgedOn;
        AppealRecordedByUserId = userId;
        Version++;
    }

    /// <summary>Why an appeal outcome cannot be recorded now, or null.</summary>
    public string? AppealDecisionRefusal() =>
        AppealLodgedOn is null ? "No appeal is lodged." : AppealOutcome is not null ? "The appeal's outcome is already recorded." : null;

    public void DecideAppeal(AppealOutcome outcome, DateOnly decidedOn, string userId, DateOnly today)
    {
        Require(AppealDecisionRefusal() is null, AppealDecisionRefusal() ?? string.Empty);
        Require(DateProblem(decidedOn, today, AppealLodgedOn!.Value, "the appeal was lodged") is null, "The appeal decision date is out of range.");
        AppealOutcome = outcome;
        AppealDecidedOn = decidedOn;
        AppealRecordedByUserId = userId;
        Version++;
    }

    /// <summary>
    /// Why the formal process on an action cannot be closed yet, or null. It closes once it has an end: no case to
    /// answer; a hearing whose outcome nobody appeals (closing says no appeal was lodged in time, so none can be
    /// recorded after it); or an appeal decided.
    /// </summary>
    public static string? ClosureRefusal(FormalProceeding? record) =>
        record is null ? "Record the investigation's conclusion first."
        : record.Finding == InvestigationFinding.NoCaseToAnswer ? null
        : record.HearingOutcome is null ? "There is a case to answer: record the hearing first."
        : record.AppealLodgedOn is not null && record.AppealOutcome is null ? "An appeal is lodged: record its outcome first."
        : null;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainRuleException(message);
        }
    }
}

/// <summary>The words people read for the formal process's fixed choices.</summary>
public static class FormalWords
{
    public static string Finding(InvestigationFinding finding) => finding switch
    {
        InvestigationFinding.CaseToAnswer => "Case to answer",
        InvestigationFinding.NoCaseToAnswer => "No case to answer",
        _ => finding.ToString(),
    };

    public static string Hearing(HearingOutcome outcome) => outcome switch
    {
        HearingOutcome.NoAction => "No action",
        HearingOutcome.FirstWrittenWarning => "First written warning",
        HearingOutcome.FinalWrittenWarning => "Final written warning",
        HearingOutcome.Dismissal => "Dismissal",
        HearingOutcome.Other => "Other outcome",
        _ => outcome.ToString(),
    };

    public static string Appeal(AppealOutcome outcome) => outcome switch
    {
        AppealOutcome.Upheld => "Upheld",
        AppealOutcome.PartlyUpheld => "Partly upheld",
        AppealOutcome.NotUpheld => "Not upheld",
        _ => outcome.ToString(),
    };
}
