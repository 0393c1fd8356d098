using JustCulture.Domain.Formal;

namespace JustCulture.Web.Pages.Review.Formal;

/// <summary>The formal process's choices in words, as the case page and the forms show them.</summary>
public static class FormalText
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
        HearingOutcome.Other => "Other",
        _ => outcome.ToString(),
    };

    public static string Appeal(AppealOutcome outcome) => outcome switch
    {
        AppealOutcome.Upheld => "Upheld",
        AppealOutcome.PartlyUpheld => "Partly upheld",
        AppealOutcome.NotUpheld => "Not upheld",
        _ => outcome.ToString(),
    };

    public static List<(string Value, string Label)> FindingChoices { get; } = [.. Enum.GetValues<InvestigationFinding>().Select(v => (v.ToString(), Finding(v)))];

    public static List<(string Value, string Label)> HearingChoices { get; } = [.. Enum.GetValues<HearingOutcome>().Select(v => (v.ToString(), Hearing(v)))];

    public static List<(string Value, string Label)> AppealChoices { get; } = [.. Enum.GetValues<AppealOutcome>().Select(v => (v.ToString(), Appeal(v)))];

    /// <summary>The button that leads to the next step, or null when the process is complete.</summary>
    public static string? NextStep(string? next) => next switch
    {
        Application.Formal.FormalNextStep.Conclude => "Record the investigation's conclusion",
        Application.Formal.FormalNextStep.Hearing => "Record the hearing",
        Application.Formal.FormalNextStep.LodgeAppeal => "Record an appeal",
        Application.Formal.FormalNextStep.DecideAppeal => "Record the appeal's outcome",
        _ => null,
    };
}
