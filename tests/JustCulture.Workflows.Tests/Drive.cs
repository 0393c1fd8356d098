namespace JustCulture.Workflows.Tests;

/// <summary>Shortcuts for driving an instance through its human tasks.</summary>
internal static class Drive
{
    public const string LineManager = "LineManager";
    public const string CommissioningManager = "CommissioningManager";

    public static readonly DateTime Now = new(2025, 4, 1, 9, 0, 0, DateTimeKind.Utc);

    public static ResumeInput AsLineManager(string answer) => new("lm-1", LineManager, answer, null, null);

    public static ResumeInput AsReviewer(string answer, string? rationale = "Considered the checklist and the context.", string? statement = null) =>
        new("cm-1", CommissioningManager, answer, rationale, statement);

    public static ResumeInput Formal() =>
        AsReviewer(ReviewRoutes.FormalInvestigation, statement: "Informal resolution was tried and did not address the risk.");

    /// <summary>Answers the single open task at <paramref name="activityId"/>.</summary>
    public static RunResult Answer(this WorkflowRunner runner, WorkflowDefinition definition, RunResult current, string activityId, ResumeInput input)
    {
        var bookmark = current.State.Bookmarks.ShouldHaveSingleItem();
        bookmark.ActivityId.ShouldBe(activityId);
        return runner.Resume(definition, current.State, bookmark.BookmarkId, input, Now);
    }

    public static Guid NewInstance() => Guid.NewGuid();
}
