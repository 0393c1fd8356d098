using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Review;
using JustCulture.Application.Tasks;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Review;

/// <summary>Every review decision carries the reviewer's conflict-of-interest declaration, logged with it.</summary>
public abstract class ConflictDeclarationTests : ReviewTestBase
{
    private Task<CompleteTaskResult> DecideAsync(Guid taskId, string route, ConflictOfInterest? conflict, string? details = null) =>
        App.RunAsync<CompleteTaskHandler, CompleteTaskResult>(h => h.HandleAsync(
            new CompleteTaskCommand(taskId, SmallTrust.Reviewer, route, "Considered the system first.", Conflict: conflict, ConflictDetails: details)));

    private Task<List<DecisionLogEntry>> EntriesAsync(Guid concernId) =>
        App.OpenedEntriesAsync(log => log.Where(e => e.ConcernId == concernId).OrderBy(e => e.EntryId));

    [Fact]
    public async Task LogsDeclarationBeforeDecisionGivenNoConflict()
    {
        var concernId = await OpenToReviewAsync();
        var review = await App.NextTaskAsync(concernId);

        await DecideAsync(review.TaskId, "SystemLearning", ConflictOfInterest.None);

        var entries = await EntriesAsync(concernId);
        var declaration = entries.Single(e => e.EventType == LogEventTypes.ConflictOfInterestDeclared);
        declaration.Answer.ShouldBe("None");
        declaration.Rationale.ShouldBeNull();
        declaration.ActorRole.ShouldBe("CommissioningManager");
        declaration.EntryId.ShouldBeLessThan(entries.Single(e => e.EventType == LogEventTypes.ReviewDecided).EntryId);
    }

    [Fact]
    public async Task KeepsDetailsForCaseButShowsAuditorOnlyTheChoiceGivenDeclaredConflict()
    {
        var concernId = await OpenToReviewAsync();
        var review = await App.NextTaskAsync(concernId);

        await DecideAsync(review.TaskId, "Support", ConflictOfInterest.Declared, "We trained together in 2019; a second reviewer read the case.");

        var declaration = (await EntriesAsync(concernId)).Single(e => e.EventType == LogEventTypes.ConflictOfInterestDeclared);
        declaration.Answer.ShouldBe("Declared");
        declaration.Rationale.ShouldBe("We trained together in 2019; a second reviewer read the case.");
        AuditorView.Answer(declaration.EventType, declaration.Answer).ShouldBe("Declared");
        AuditorView.Question(declaration.EventType, declaration.Question).ShouldBe(ConflictDeclaration.Question);
        var decisions = (await CaseAsync(concernId)).Actions[0].Decisions;
        decisions.ShouldContain(d => d.EventType == LogEventTypes.ConflictOfInterestDeclared && d.Rationale!.StartsWith("We trained together", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesAndWritesNothingGivenReviewDecisionWithoutDeclaration()
    {
        var concernId = await OpenToReviewAsync();
        var review = await App.NextTaskAsync(concernId);
        var before = (await EntriesAsync(concernId)).Count;

        var refused = await RefusedAsync(UseCaseError.Invalid, () => DecideAsync(review.TaskId, "SystemLearning", conflict: null));

        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe(ConflictDeclaration.Field);
        (await EntriesAsync(concernId)).Count.ShouldBe(before);
        (await App.NextTaskAsync(concernId)).TaskId.ShouldBe(review.TaskId);
    }

    [Fact]
    public async Task RefusesGivenDeclaredConflictWithoutDetails()
    {
        var concernId = await OpenToReviewAsync();
        var review = await App.NextTaskAsync(concernId);

        var refused = await RefusedAsync(UseCaseError.Invalid, () => DecideAsync(review.TaskId, "SystemLearning", ConflictOfInterest.Declared, "  "));

        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe(ConflictDeclaration.DetailsField);
    }

    [Fact]
    public async Task RefusesGivenDetailsWithNoConflict()
    {
        var concernId = await OpenToReviewAsync();
        var review = await App.NextTaskAsync(concernId);

        var refused = await RefusedAsync(UseCaseError.Invalid, () => DecideAsync(review.TaskId, "SystemLearning", ConflictOfInterest.None, "Some text"));

        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe(ConflictDeclaration.DetailsField);
    }

    [Fact]
    public async Task RefusesGivenDeclarationWithChecklistAnswer()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var question = await App.NextTaskAsync(concernId);

        var refused = await RefusedAsync(UseCaseError.Invalid, () => App.RunAsync<CompleteTaskHandler, CompleteTaskResult>(h => h.HandleAsync(
            new CompleteTaskCommand(question.TaskId, SmallTrust.LineManager, "No", Conflict: ConflictOfInterest.None))));

        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe(ConflictDeclaration.Field);
    }

    [Fact]
    public async Task RequiresDeclarationGivenInformalResolutionResult()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        var result = await App.NextTaskAsync(concernId);

        await RefusedAsync(UseCaseError.Invalid, () => DecideAsync(result.TaskId, "NotResolved", conflict: null));
        await DecideAsync(result.TaskId, "NotResolved", ConflictOfInterest.None);

        (await EntriesAsync(concernId)).Count(e => e.EventType == LogEventTypes.ConflictOfInterestDeclared).ShouldBe(2);
    }
}

public sealed class SqliteConflictDeclarationTests : ConflictDeclarationTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresConflictDeclarationTests : ConflictDeclarationTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
