namespace JustCulture.Application.Clocks;

/// <summary>One group's time in one stage as published: a withheld group shows only "&lt;5", never its exact count.</summary>
/// <param name="Timed">Stages timed, as it may be shown ("&lt;5" when few).</param>
public sealed record StageTimeCell(string Timed, double? MedianWorkingDays, int? Percentile90WorkingDays, bool Withheld)
{
    public static StageTimeCell Of(StageTimeFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new(figures.CountText, figures.MedianWorkingDays, figures.Percentile90WorkingDays, figures.Suppressed);
    }
}

/// <param name="Stage">The stage as the product stores it (Checklist, AwaitingReview, InformalResolution, FormalInvestigation).</param>
public sealed record StageTimeLine(string Stage, string StageName, int? TargetWorkingDays, StageTimeCell White, StageTimeCell Bme, StageTimeCell NotStated);

/// <summary>Time per stage for a reporting year as published: the JSON of <c>GET /api/reports/stage-times</c> and <c>report stage-times --format json</c>.</summary>
public sealed record StageTimesDocument(string Year, int SuppressionThreshold, IReadOnlyList<StageTimeLine> Stages, IReadOnlyList<string> Notes)
{
    public static StageTimesDocument Of(StageTimesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Year, report.SuppressionThreshold,
            report.Stages.Select(s => new StageTimeLine(s.Stage.ToString(), s.StageName, s.TargetWorkingDays, StageTimeCell.Of(s.White), StageTimeCell.Of(s.Bme), StageTimeCell.Of(s.NotStated))).ToList(),
            report.Notes);
    }
}
