using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Domain.Concerns;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Concerns;

/// <summary>A line manager raises concerns only about their own team, from the fixed categories, and sees only their own.</summary>
public sealed class LineManagerConcernTests : IAsyncLifetime
{
    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<Guid> OpenAsync(string subject, string raisedBy, string? category, DateOnly? incidentDate = null) =>
        App.RunAsync<OpenConcernHandler, Guid>(h => h.HandleAsync(new OpenConcernCommand(subject, raisedBy, "What happened", ["An action"], category, incidentDate)));

    [Fact]
    public async Task ListsOnlyOwnTeamGivenLineManager()
    {
        var team = await App.RunAsync<ListTeamHandler, IReadOnlyList<TeamMemberView>>(h => h.HandleAsync(SmallTrust.LineManager));

        team.Select(t => t.StaffRef).Order().ShouldBe(["S001", "S002", "S003", "S004"]);
        (await App.RunAsync<ListTeamHandler, IReadOnlyList<TeamMemberView>>(h => h.HandleAsync(SmallTrust.OtherLineManager)))
            .Select(t => t.StaffRef).ShouldBe(["S005"]);
    }

    [Fact]
    public async Task RefusesTeamGivenNotLineManager()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => App.RunAsync<ListTeamHandler, IReadOnlyList<TeamMemberView>>(h => h.HandleAsync(SmallTrust.Reviewer)));

        refusal.Error.ShouldBe(UseCaseError.Forbidden);
    }

    [Fact]
    public async Task RefusesConcernGivenSubjectInAnotherTeam()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => OpenAsync("S005", SmallTrust.LineManager, "Attendance"));

        refusal.Error.ShouldBe(UseCaseError.RuleViolated);
        (await App.QueryAsync(db => Task.FromResult(db.Concerns.Count()))).ShouldBe(0);
    }

    [Fact]
    public async Task StoresCanonicalCategoryGivenListedCategoryInOtherCase()
    {
        var id = await OpenAsync("S001", SmallTrust.LineManager, " behaviour towards OTHERS ", new DateOnly(2025, 6, 1));

        var concern = await App.ConcernAsync(id);
        concern.Category.ShouldBe("Behaviour towards others");
        concern.IncidentDate.ShouldBe(new DateOnly(2025, 6, 1));
    }

    [Fact]
    public async Task RefusesCategoryGivenNotOnList()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => OpenAsync("S001", SmallTrust.LineManager, "Gossip"));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.Message.ShouldContain(ConcernCategories.All[0]);
    }

    [Fact]
    public async Task RefusesIncidentDateGivenFuture()
    {
        var tomorrow = DateOnly.FromDateTime(App.Clock.UtcNow).AddDays(1);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => OpenAsync("S001", SmallTrust.LineManager, "Attendance", tomorrow));

        refusal.Error.ShouldBe(UseCaseError.RuleViolated);
        refusal.Message.ShouldContain("future");
    }

    [Fact]
    public async Task ListsOnlyConcernsRaisedByUser()
    {
        var mine = await OpenAsync("S001", SmallTrust.LineManager, "Medication");
        await OpenAsync("S005", SmallTrust.OtherLineManager, "Medication");

        var listed = await App.RunAsync<ListMyConcernsHandler, IReadOnlyList<MyConcernView>>(h => h.HandleAsync(SmallTrust.LineManager));

        var only = listed.ShouldHaveSingleItem();
        only.Id.ShouldBe(mine);
        only.SubjectName.ShouldBe("Staff One");
        only.Actions.ShouldHaveSingleItem().Stage.ShouldBe(ActionStage.Checklist);
    }

    [Fact]
    public async Task RefusesConcernDetailGivenAnotherLineManager()
    {
        var id = await OpenAsync("S001", SmallTrust.LineManager, "Medication");

        var refusal = await Should.ThrowAsync<UseCaseException>(() => App.RunAsync<GetConcernHandler, ConcernView>(h => h.HandleForAsync(id, SmallTrust.OtherLineManager)));

        refusal.Error.ShouldBe(UseCaseError.Forbidden);
    }
}
