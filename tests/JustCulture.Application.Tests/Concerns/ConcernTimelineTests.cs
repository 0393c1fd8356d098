using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Concerns;

/// <summary>A concern's decisions in plain words for the line manager who raised it, telling no more than the concern page does.</summary>
public sealed class ConcernTimelineTests : IAsyncLifetime
{
    private const string ReviewRationale = "Alleged deliberate harm needs a formal look";

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<IReadOnlyList<TimelineEntryView>> TimelineAsync(Guid concernId, string viewer = SmallTrust.LineManager) =>
        App.RunAsync<ConcernTimelineHandler, IReadOnlyList<TimelineEntryView>>(h => h.HandleForAsync(concernId, viewer));

    [Fact]
    public async Task TellsEachDecisionInWordsGivenTwoActionsChecklistedAndOneRoutedFormally()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager, "First action", "Second action");
        App.Clock.UtcNow = App.Clock.UtcNow.AddHours(1);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('A'), actionOrdinal: 1);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('D'), actionOrdinal: 2);
        App.Clock.UtcNow = App.Clock.UtcNow.AddHours(1);
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "FormalInvestigation", ReviewRationale, "Deliberate harm alleged.", actionOrdinal: 1);

        var timeline = await TimelineAsync(concernId);

        var words = timeline.Select(t => t.What).ToList();
        words[0].ShouldBe("You raised the concern");
        words.ShouldContain("You submitted the checklist for action 1: outcome A – deliberate harm: " + Domain.Vocabulary.OutcomeMeaning(Domain.Concerns.ChecklistOutcome.A));
        words.ShouldContain(w => w.StartsWith("You submitted the checklist for action 2: outcome D – system failure (protocols): action singling out", StringComparison.Ordinal));
        words.ShouldContain("An independent commissioning manager reviewed action 1 and routed it to: Formal investigation");
        words.ShouldContain("Formal investigation started for action 1");
        timeline.Select(t => t.OccurredAtUtc).ShouldBeInOrder(SortDirection.Ascending);
        timeline[0].OccurredAtUtc.ShouldBe(App.Clock.UtcNow.AddHours(-2));
        // No reviewer, no reasons, no single checklist answers: only what the concern page shows.
        words.ShouldAllBe(w => !w.Contains(SmallTrust.Reviewer) && !w.Contains(ReviewRationale) && !w.Contains("harm alleged"));
        words.ShouldNotContain(w => w.Contains("FormalInvestigation") || w.Contains("intend"));
    }

    [Fact]
    public async Task RefusesGivenLineManagerWhoDidNotRaiseIt()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => TimelineAsync(concernId, SmallTrust.OtherLineManager));

        refusal.Error.ShouldBe(UseCaseError.Forbidden);
    }

    [Theory]
    [InlineData("InformalResolutionRecorded", "Resolved", "Informal resolution result for action 2: resolved")]
    [InlineData("InformalResolutionRecorded", "NotResolved", "Informal resolution result for action 2: not resolved")]
    [InlineData("InformalResolutionPlanRecorded", "2027-01-15", "Informal resolution plan agreed for action 2, to be reviewed on 15 January 2027")]
    [InlineData("WorkflowFinished", "SystemLearning", "Action 2 closed")]
    [InlineData("OutcomeRecorded", "G", "The checklist for action 2 was submitted: outcome G – no mitigation: graduated management action may be warranted, from training and supervision up to formal procedures")]
    public void WordsEventGivenItsStoredAnswer(string eventType, string answer, string expected) =>
        ConcernTimelineHandler.Words(eventType, 2, answer, byViewer: false).ShouldBe(expected);
}
