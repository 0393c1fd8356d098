using JustCulture.Application.Clocks;
using JustCulture.Application.Demo;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>The clock pages (docs/domain/case-clocks.md): "Due and overdue for me" lists what DueForMeHandler returns
/// for the signed-in user, and the case page shows each open action's stage clock.</summary>
public sealed class ClockPagesTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    [Fact]
    public async Task ListsEveryDueItemGivenCommissioningManagerOpensDueForMe()
    {
        var due = await app.InScopeAsync(sp => sp.GetRequiredService<DueForMeHandler>().HandleAsync(DemoSeeder.CommissioningAccount));
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);

        var page = await reviewer.GetStringAsync(new Uri("/Clocks", UriKind.Relative));

        page.ShouldContain("Due and overdue for me");
        due.Items.ShouldNotBeEmpty("the demo data has open reviews");
        foreach (var item in due.Items)
        {
            page.ShouldContain($"data-case=\"{item.CaseReference}\"");
        }
    }

    [Fact]
    public async Task ShowsTheStageClockGivenCaseWithAnOpenStage()
    {
        var due = await app.InScopeAsync(sp => sp.GetRequiredService<DueForMeHandler>().HandleAsync(DemoSeeder.CommissioningAccount));
        var item = due.Items.First(i => i.Kind == DueItemKind.Stage);
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);

        var page = await reviewer.GetStringAsync(new Uri($"/Review/Case/{item.ConcernId}", UriKind.Relative));

        page.ShouldContain("id=\"case-clocks\"");
        page.ShouldContain($"data-action=\"{item.ActionOrdinal}\"");
    }
}
