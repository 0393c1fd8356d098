using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using JustCulture.Application.Demo;
using JustCulture.Web.Tests.Hosting;
using static JustCulture.Web.Tests.Api.ApiDriver;

namespace JustCulture.Web.Tests.Api;

/// <summary>The reviewer's informal-resolution plan form puts each refusal next to the field it is about.</summary>
public sealed partial class ReviewFormTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private async Task<(HttpClient Reviewer, string Path)> PlanFormAsync(int skip)
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var concernId = await RaiseToReviewAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount, skip));
        var reviewerApi = await app.BearerClientAsync(Caller.CommissioningManager);
        await CompleteOkAsync(reviewerApi, (await NextTaskAsync(reviewerApi, concernId)).TaskId, "InformalResolution", "A conversation will settle this.");
        return (await app.CookieClientAsync(Caller.CommissioningManager), $"/Review/Plan/{concernId}/1");
    }

    private static async Task<string> PostPlanAsync(HttpClient reviewer, string path, string agreedActions, DateOnly reviewDate)
    {
        using var form = await reviewer.GetAsync(new Uri(path, UriKind.Relative));
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await form.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Hidden("__RequestVerificationToken").Match(html).Groups["value"].Value);
        var version = Hidden("ExpectedVersion").Match(html).Groups["value"].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ExpectedVersion"] = version,
            ["AgreedActions"] = agreedActions,
            ["ReviewDateDay"] = reviewDate.Day.ToString(CultureInfo.InvariantCulture),
            ["ReviewDateMonth"] = reviewDate.Month.ToString(CultureInfo.InvariantCulture),
            ["ReviewDateYear"] = reviewDate.Year.ToString(CultureInfo.InvariantCulture),
        });
        using var response = await reviewer.PostAsync(new Uri(path, UriKind.Relative), body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "a refused plan shows the form again");
        return await response.Content.ReadAsStringAsync();
    }

    private static Regex Hidden(string name) => new($"name=\"{name}\"[^>]*value=\"(?<value>[^\"]*)\"|value=\"(?<value>[^\"]*)\"[^>]*name=\"{name}\"");

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task ShowsDateErrorOnDateFieldGivenReviewDateInPast()
    {
        var (reviewer, path) = await PlanFormAsync(skip: 0);

        var html = await PostPlanAsync(reviewer, path, "Reflective discussion with the practice educator.", Today.AddDays(-1));

        html.ShouldContain("<a href=\"#ReviewDateDay\">The review date must be in the future</a>");
        html.ShouldContain("id=\"ReviewDate-error\"");
        html.ShouldNotContain("id=\"AgreedActions-error\"");
    }

    [Fact]
    public async Task ShowsActionsErrorOnActionsFieldGivenOnlySpacesAndFutureDate()
    {
        var (reviewer, path) = await PlanFormAsync(skip: 1);

        var html = await PostPlanAsync(reviewer, path, "   ", Today.AddDays(14));

        html.ShouldContain("<a href=\"#AgreedActions\">Enter the agreed actions</a>");
        html.ShouldContain("id=\"AgreedActions-error\"");
        html.ShouldNotContain("id=\"ReviewDate-error\"");
    }
}
