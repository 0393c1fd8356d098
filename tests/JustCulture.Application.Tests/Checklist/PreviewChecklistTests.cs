using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Checklist;

/// <summary>The preview follows the definition exactly and stores nothing.</summary>
public sealed class PreviewChecklistTests : IAsyncLifetime
{
    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<ChecklistPreview> PreviewAsync(Guid concernId, Dictionary<string, string> draft, string user = SmallTrust.LineManager) =>
        App.RunAsync<PreviewChecklistHandler, ChecklistPreview>(h => h.HandleAsync(new PreviewChecklistQuery(concernId, 1, user, draft)));

    [Fact]
    public async Task RefusesAsNotFoundGivenActionTheConcernDoesNotHave()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => App.RunAsync<PreviewChecklistHandler, ChecklistPreview>(
            h => h.HandleAsync(new PreviewChecklistQuery(concernId, 7, SmallTrust.LineManager, new Dictionary<string, string>()))));

        refusal.Error.ShouldBe(UseCaseError.NotFound);
    }

    [Fact]
    public async Task AsksFirstQuestionWithHelpTextGivenEmptyDraft()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        var preview = await PreviewAsync(concernId, []);

        preview.Answered.ShouldBeEmpty();
        var next = preview.Next.ShouldNotBeNull();
        next.QuestionId.ShouldBe("1a");
        next.Question.ShouldContain("harm");
        next.HelpText.ShouldNotBeNullOrWhiteSpace();
        next.Answers.ShouldBe(["Yes", "No"], ignoreOrder: true);
        preview.IsComplete.ShouldBeFalse();
    }

    [Fact]
    public async Task AsksQuestionTheDefinitionLeadsToGivenDraft()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        var preview = await PreviewAsync(concernId, new() { ["q1a"] = "No", ["q2a"] = "No", ["q2b"] = "No", ["q2c"] = "No", ["q3a"] = "No" });

        // 3a "no agreed protocols" goes straight to outcome D, skipping 3b and 3c.
        preview.Answered.Select(a => a.Question.QuestionId).ShouldBe(["1a", "2a", "2b", "2c", "3a"]);
        preview.IsComplete.ShouldBeTrue();
        preview.Outcome.ShouldNotBeNull().Outcome.ShouldBe("D");
    }

    [Fact]
    public async Task IgnoresAnswersOffThePathGivenEarlierAnswerChanged()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        var preview = await PreviewAsync(concernId, new() { ["q1a"] = "Yes", ["q2a"] = "No", ["q2b"] = "No" });

        preview.Answered.Select(a => a.Question.QuestionId).ShouldBe(["1a"]);
        preview.Outcome.ShouldNotBeNull().Outcome.ShouldBe("A");
        preview.PathAnswers.Keys.ShouldBe(["q1a"]);
    }

    [Fact]
    public async Task AsksAgainGivenAnswerNotAllowed()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        var preview = await PreviewAsync(concernId, new() { ["q1a"] = "No", ["q2a"] = "Perhaps" });

        preview.Next.ShouldNotBeNull().QuestionId.ShouldBe("2a");
    }

    [Fact]
    public async Task StoresNothingGivenCompleteDraft()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var before = await App.QueryAsync(async db => (await db.DecisionLog.LongCountAsync(), await db.Bookmarks.CountAsync(), (await db.Concerns.SingleAsync()).Version));

        await PreviewAsync(concernId, new() { ["q1a"] = "Yes" });

        (await App.QueryAsync(async db => (await db.DecisionLog.LongCountAsync(), await db.Bookmarks.CountAsync(), (await db.Concerns.SingleAsync()).Version))).ShouldBe(before);
        (await App.NextTaskAsync(concernId)).StepId.ShouldBe("1a");
    }

    [Fact]
    public async Task RefusesGivenAnotherLineManager()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => PreviewAsync(concernId, [], SmallTrust.OtherLineManager));

        refusal.Error.ShouldBe(UseCaseError.Forbidden);
    }

    [Fact]
    public async Task RefusesGivenChecklistAlreadySubmitted()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('A'));

        var refusal = await Should.ThrowAsync<UseCaseException>(() => PreviewAsync(concernId, []));

        refusal.Error.ShouldBe(UseCaseError.Conflict);
        refusal.Message.ShouldContain("already been submitted");
    }
}
