using JustCulture.Application.Log;
using JustCulture.Application.Users;
using JustCulture.Application.Workflows;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Admin;

/// <summary>What administrators and auditors read: users, loaded definitions, and the pseudonymised log.</summary>
public sealed class AdministrationQueryTests : IAsyncLifetime
{
    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<PseudonymisedLogPage> LogPageAsync(int page, int size) =>
        App.RunAsync<BrowseLogHandler, PseudonymisedLogPage>(h => h.HandleAsync(new BrowseLogQuery(size, Page: page)));

    private Task<PseudonymisedLogPage> LogAfterAsync(long after, int take) =>
        App.RunAsync<BrowseLogHandler, PseudonymisedLogPage>(h => h.HandleAsync(new BrowseLogQuery(take, After: after)));

    [Fact]
    public async Task ListsEveryUserWithRoleAndStaffRef()
    {
        var users = await App.RunAsync<ListUsersHandler, IReadOnlyList<UserView>>(h => h.HandleAsync());

        users.Count.ShouldBe(8);
        users.ShouldContain(new UserView(SmallTrust.LineManager, SmallTrust.LineManager, "LineManager", "M001"));
        users.ShouldContain(new UserView(SmallTrust.Administrator, SmallTrust.Administrator, "Administrator", null));
    }

    [Fact]
    public async Task ListsLoadedDefinitionWithFileAndHash()
    {
        var definitions = App.Services.GetService(typeof(ListWorkflowDefinitionsHandler)).ShouldBeOfType<ListWorkflowDefinitionsHandler>().Handle();

        // Newest first: version 2 (version 1 in Elsa 3.6's shape) is the one new cases start on.
        definitions.Select(d => (d.DefinitionId, d.Version, d.FileName, d.IsCurrent)).ShouldBe(
        [
            ("just-culture-triage", 2, "just-culture-triage.v2.json", true),
            ("just-culture-triage", 1, "just-culture-triage.json", false),
        ]);
        foreach (var definition in definitions)
        {
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                await File.ReadAllBytesAsync(Path.Combine(DependencyInjection.DefaultWorkflowsDirectory, definition.FileName))));
            definition.Sha256.ShouldBe(expected);
        }
    }

    [Fact]
    public async Task ShowsNoNamesRationaleOrStaffRefsGivenCaseWithFreeText()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('G'));
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "InformalResolution", "Staff One needs a supportive conversation");

        var page = await LogPageAsync(1, 200);

        page.TotalEntries.ShouldBe(await App.QueryAsync(db => db.DecisionLog.LongCountAsync()));
        var text = string.Join("\n", page.Entries.Select(e => e.ToString()));
        text.ShouldNotContain("Staff One");
        text.ShouldNotContain("supportive conversation");
        text.ShouldNotContain("S001");
        text.ShouldNotContain(SmallTrust.LineManager);
        text.ShouldNotContain(SmallTrust.Reviewer);
        var review = page.Entries.Single(e => e.EventType == LogEventTypes.ReviewDecided);
        review.Answer.ShouldBe("InformalResolution");
        review.CaseRef.ShouldBe(concernId);
        var pseudonyms = (ActorPseudonyms)App.Services.GetService(typeof(ActorPseudonyms))!;
        review.ActorPseudonym.ShouldBe(pseudonyms.For(SmallTrust.Reviewer));
        page.Entries.Where(e => e.EventType == LogEventTypes.QuestionAnswered).Select(e => e.ActorPseudonym).Distinct()
            .ShouldBe([pseudonyms.For(SmallTrust.LineManager)]);
        pseudonyms.For(SmallTrust.LineManager).ShouldNotBe(pseudonyms.For(SmallTrust.OtherLineManager));
        // The staff import's answer counts people by ethnic group: not shown.
        page.Entries.First(e => e.EventType == LogEventTypes.StaffImported).Answer.ShouldBeNull();
    }

    [Fact]
    public async Task PagesInSequenceOrderGivenSmallPageSize()
    {
        var total = await App.QueryAsync(db => db.DecisionLog.LongCountAsync());

        var first = await LogPageAsync(1, 3);
        var second = await LogPageAsync(2, 3);
        var beyond = await LogPageAsync(999, 3);

        first.Entries.Select(e => e.Sequence).ShouldBe([1L, 2L, 3L]);
        second.Entries.Select(e => e.Sequence).ShouldBe([4L, 5L, 6L]);
        first.PageCount.ShouldBe((int)((total + 2) / 3));
        beyond.Page.ShouldBe(first.PageCount);
    }

    [Fact]
    public async Task PagesByCursorWithNextAfterGivenAfterAndTake()
    {
        var total = await App.QueryAsync(db => db.DecisionLog.LongCountAsync());

        var first = await LogAfterAsync(0, 3);
        var next = await LogAfterAsync(first.NextAfter!.Value, 3);
        var last = await LogAfterAsync(total - 2, 3);

        first.Entries.Select(e => e.Sequence).ShouldBe([1L, 2L, 3L]);
        first.NextAfter.ShouldBe(3);
        next.Entries.Select(e => e.Sequence).ShouldBe([4L, 5L, 6L]);
        next.Page.ShouldBe(2);
        last.Entries.Select(e => e.Sequence).ShouldBe([total - 1, total]);
        last.NextAfter.ShouldBeNull();
    }

    [Fact]
    public async Task ShowsNewestFirstGivenNewestFirstPage()
    {
        var total = await App.QueryAsync(db => db.DecisionLog.LongCountAsync());

        var page = await App.RunAsync<BrowseLogHandler, PseudonymisedLogPage>(h => h.HandleAsync(new BrowseLogQuery(3, Page: 1, NewestFirst: true)));

        page.Entries.Select(e => e.Sequence).ShouldBe([total, total - 1, total - 2]);
    }

    [Fact]
    public async Task ShowsOnlyThatCaseAndEventGivenCaseReferenceAndEventFilter()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await App.OpenConcernAsync("S002", SmallTrust.LineManager);
        var reference = JustCulture.Domain.Concerns.CaseReference.Of(concernId);

        var ofCase = await App.RunAsync<BrowseLogHandler, PseudonymisedLogPage>(h => h.HandleAsync(new BrowseLogQuery(100, Page: 1, Filter: new LogFilter(reference.ToLowerInvariant()))));
        var opened = await App.RunAsync<BrowseLogHandler, PseudonymisedLogPage>(h => h.HandleAsync(new BrowseLogQuery(100, Page: 1, Filter: new LogFilter(EventType: LogEventTypes.ConcernOpened))));

        ofCase.Entries.ShouldNotBeEmpty();
        ofCase.Entries.ShouldAllBe(e => e.CaseRef == concernId);
        opened.Entries.Count.ShouldBe(2);
        opened.TotalEntries.ShouldBe(2);
    }

    [Fact]
    public async Task ShowsOnlyEntriesOnThoseUkDatesGivenDateRange()
    {
        // 23:30 UTC on 1 June is 00:30 on 2 June in the UK (BST).
        App.Clock.UtcNow = new DateTime(2025, 6, 1, 23, 30, 0, DateTimeKind.Utc);
        await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        var firstJune = await App.RunAsync<BrowseLogHandler, PseudonymisedLogPage>(h => h.HandleAsync(new BrowseLogQuery(100, Page: 1,
            Filter: new LogFilter(EventType: LogEventTypes.ConcernOpened, From: new DateOnly(2025, 6, 1), To: new DateOnly(2025, 6, 1)))));
        var secondJune = await App.RunAsync<BrowseLogHandler, PseudonymisedLogPage>(h => h.HandleAsync(new BrowseLogQuery(100, Page: 1,
            Filter: new LogFilter(EventType: LogEventTypes.ConcernOpened, From: new DateOnly(2025, 6, 2), To: new DateOnly(2025, 6, 2)))));

        firstJune.Entries.ShouldBeEmpty();
        secondJune.Entries.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RefusesEveryBadFilterByFieldGivenBadReferenceEventAndDates()
    {
        var refusal = await Should.ThrowAsync<JustCulture.Application.Common.UseCaseException>(() => App.RunAsync<BrowseLogHandler, PseudonymisedLogPage>(h =>
            h.HandleAsync(new BrowseLogQuery(10, Page: 1, Filter: new LogFilter("S001", "Nonsense", new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 1))))));

        refusal.Error.ShouldBe(JustCulture.Application.Common.UseCaseError.Invalid);
        refusal.FieldProblems.Select(p => p.Field).ShouldBe(["CaseReference", "EventType", "To"]);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(100_000, BrowseLogHandler.MaxTake)]
    public async Task ClampsTakeToOneThroughMaximumGivenOutOfRangeTake(int take, int expected)
    {
        var page = await LogAfterAsync(0, take);

        page.PageSize.ShouldBe(expected);
        page.Entries.Count.ShouldBe((int)Math.Min(expected, await App.QueryAsync(db => db.DecisionLog.LongCountAsync())));
    }

    [Fact]
    public async Task ShowsTheSameEntryGivenPageNumberOrCursor()
    {
        var byPage = await LogPageAsync(2, 4);
        var byCursor = await LogAfterAsync(4, 4);

        byCursor.Entries.ShouldBe(byPage.Entries);
        byCursor.Entries.ShouldNotBeEmpty();
    }
}
