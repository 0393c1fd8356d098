using JustCulture.Application.Common;
using JustCulture.Application.SubjectAccess;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Retention;

public abstract class SubjectAccessTests : RetentionTestBase
{
    private const string OwnRationale = "Considered the system first for Staff One.";
    private const string OtherRationale = "Reason that belongs to Staff Two only.";

    private Task<SubjectAccessDocument> ExportAsync(string? staffRef, Actor? actor = null) =>
        App.RunAsync<SubjectAccessHandler, SubjectAccessDocument>(h => h.HandleAsync(new SubjectAccessQuery(staffRef, actor ?? Administrator)));

    private Task<List<DecisionLogEntry>> ExportEntriesAsync() =>
        App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == LogEventTypes.SubjectAccessExported).ToListAsync());

    private async Task<Guid> RoutedWithAsync(string subject, string rationale)
    {
        var concernId = await OpenToReviewAsync(subject);
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "FormalInvestigation", rationale, "Deliberate harm alleged.");
        return concernId;
    }

    [Fact]
    public async Task HoldsThePersonsDecisionsAndRationaleAndNotAnothersGivenTwoPeoplesCases()
    {
        var own = await RoutedWithAsync("S001", OwnRationale);
        await RoutedWithAsync("S002", OtherRationale);

        var document = await ExportAsync("S001");

        document.StaffRef.ShouldBe("S001");
        var record = document.StaffRecord.ShouldNotBeNull();
        record.Name.ShouldBe("Staff One");
        record.WresGroup.ShouldBe("White");
        record.Band.ShouldBe("Band 5");
        var item = document.Cases.ShouldHaveSingleItem();
        item.Reference.ShouldBe(JustCulture.Domain.Concerns.CaseReference.Of(own));
        item.Summary.ShouldBe("Something happened on the ward");
        item.Actions.ShouldHaveSingleItem().Route.ShouldBe("Formal investigation");
        var review = item.Decisions.Single(d => d.What == "Review decided");
        review.Rationale.ShouldBe(OwnRationale);
        review.InformalNotAppropriate.ShouldBe("Deliberate harm alleged.");
        review.Answer.ShouldBe("Formal investigation");
        review.DecidedBy.ShouldBe("Commissioning manager");
        item.Decisions.ShouldContain(d => d.What == "Checklist outcome recorded" && d.DecidedBy == "Line manager");

        var html = SubjectAccessHtml.Render(document);
        html.ShouldContain(OwnRationale);
        html.ShouldContain("Staff One");
        html.ShouldNotContain(OtherRationale);
        html.ShouldNotContain("Staff Two");
        // Roles of who decided, never their user ids.
        html.ShouldNotContain(SmallTrust.Reviewer);
        html.ShouldNotContain(">" + SmallTrust.LineManager + "<");
        html.ShouldNotContain("FormalInvestigation");
    }

    [Fact]
    public async Task LogsTheExportWithNoStaffRefOrFreeTextGivenADocument()
    {
        await RoutedWithAsync("S001", OwnRationale);

        await ExportAsync("S001");

        var entry = (await ExportEntriesAsync()).ShouldHaveSingleItem();
        entry.ConcernId.ShouldBeNull();
        entry.SubjectStaffRef.ShouldBeNull();
        entry.Rationale.ShouldBeNull();
        entry.InformalNotAppropriate.ShouldBeNull();
        entry.Question.ShouldBe("Subject access export");
        entry.Answer.ShouldBe("1");
        entry.ActorId.ShouldBe(SmallTrust.Administrator);
        entry.ActorRole.ShouldBe("Administrator");
    }

    [Fact]
    public async Task RefusesAndLogsNothingGivenAStaffRefWithNoRecordOrCase()
    {
        var refused = await RefusedAsync(UseCaseError.NotFound, () => ExportAsync("NOBODY"));

        refused.Message.ShouldContain("NOBODY");
        (await ExportEntriesAsync()).ShouldBeEmpty();
        (await RefusedAsync(UseCaseError.Invalid, () => ExportAsync("  "))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("StaffRef");
    }

    [Fact]
    public async Task RefusesGivenAnActorWhoIsNotAnAdministrator()
    {
        await RefusedAsync(UseCaseError.Forbidden, () => ExportAsync("S001", new Actor(SmallTrust.Auditor, "Auditor")));

        (await ExportEntriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task HoldsTheStaffRecordAndNoCaseContentGivenTheCasesErased()
    {
        App.Clock.UtcNow = new DateTime(2025, 1, 10, 10, 0, 0, DateTimeKind.Utc);
        await RoutedAsync("S001", 'G', "NoFurtherAction");
        await RunAsync(new DateOnly(2032, 1, 1));

        var document = await ExportAsync("S001");

        document.StaffRecord.ShouldNotBeNull();
        document.Cases.ShouldBeEmpty();
        SubjectAccessHtml.Render(document).ShouldNotContain("Something happened on the ward");
        (await ExportEntriesAsync()).ShouldHaveSingleItem().Answer.ShouldBe("0");
    }
}

public sealed class SqliteSubjectAccessTests : SubjectAccessTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresSubjectAccessTests : SubjectAccessTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
