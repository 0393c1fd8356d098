using JustCulture.Application.Review;
using JustCulture.Domain.Concerns;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Review;

/// <summary>
/// A hand-built history. SmallTrust groups: S001 White (A), S002 BME (N), S003 BME (H), S004 not stated (Z),
/// S005 White (C2).
/// </summary>
public abstract class SimilarCasesTests : ReviewTestBase
{
    private Task<SimilarCasesView> SimilarAsync(ChecklistOutcome outcome, string? category = null, Guid? exclude = null) =>
        App.RunAsync<SimilarCasesHandler, SimilarCasesView>(h => h.HandleAsync(new SimilarCasesQuery(outcome, category, exclude)));

    private static SimilarRouteCount Route(SimilarCasesView view, CaseRoute route) => view.Routes.Single(r => r.Route == route.ToString());

    [Fact]
    public async Task CountsRoutesByEthnicGroupGivenPastCasesWithSameOutcome()
    {
        await RoutedAsync("S001", 'G', "Support");
        await RoutedAsync("S002", 'G', "FormalInvestigation");
        await RoutedAsync("S003", 'G', "FormalInvestigation");
        await RoutedAsync("S004", 'G', "Support");
        await RoutedAsync("S005", 'G', "NoFurtherAction");
        await RoutedAsync("S001", 'D', "SystemLearning");
        await OpenToReviewAsync("S002", 'G'); // awaiting review: no route taken yet

        var view = await SimilarAsync(ChecklistOutcome.G);

        view.Total.ShouldBe(5);
        Route(view, CaseRoute.Support).ShouldBe(new SimilarRouteCount("Support", White: 1, Bme: 0, NotStated: 1));
        Route(view, CaseRoute.FormalInvestigation).ShouldBe(new SimilarRouteCount("FormalInvestigation", White: 0, Bme: 2, NotStated: 0));
        Route(view, CaseRoute.NoFurtherAction).ShouldBe(new SimilarRouteCount("NoFurtherAction", White: 1, Bme: 0, NotStated: 0));
        Route(view, CaseRoute.SystemLearning).Total.ShouldBe(0);
        Route(view, CaseRoute.InformalResolution).Total.ShouldBe(0);
        view.Routes.Count.ShouldBe(Enum.GetValues<CaseRoute>().Length);
    }

    [Fact]
    public async Task MatchesCategoryGivenCategoryFilter()
    {
        await RoutedAsync("S001", 'G', "Support");
        await RoutedAsync("S003", 'G', "Support", category: "Medication");

        (await SimilarAsync(ChecklistOutcome.G)).Total.ShouldBe(2);
        var clinical = await SimilarAsync(ChecklistOutcome.G, "Clinical practice");
        clinical.Total.ShouldBe(1);
        Route(clinical, CaseRoute.Support).White.ShouldBe(1);
        var medication = await SimilarAsync(ChecklistOutcome.G, "Medication");
        Route(medication, CaseRoute.Support).Bme.ShouldBe(1);
        medication.Total.ShouldBe(1);
    }

    [Fact]
    public async Task LeavesOutCaseUnderReviewGivenItsId()
    {
        var decided = await RoutedAsync("S002", 'A', "FormalInvestigation");
        await RoutedAsync("S003", 'A', "Support");

        var view = await SimilarAsync(ChecklistOutcome.A, exclude: decided);

        view.Total.ShouldBe(1);
        Route(view, CaseRoute.Support).Bme.ShouldBe(1);
        Route(view, CaseRoute.FormalInvestigation).Total.ShouldBe(0);
    }
}

public sealed class SqliteSimilarCasesTests : SimilarCasesTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresSimilarCasesTests : SimilarCasesTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
