using System.Net;
using System.Text.RegularExpressions;
using JustCulture.Application.Demo;
using JustCulture.Application.Review;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static JustCulture.Web.Tests.Api.ApiDriver;

namespace JustCulture.Web.Tests.Api;

/// <summary>The review queue page a page at a time: the NHS.UK pagination's next link leads to the cases after the
/// first page's, in the queue's order, and a link this queue did not give shows the first page with a word why.</summary>
public sealed partial class ReviewQueuePagesTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    /// <summary>The commissioning manager's reviewable queue, longest waiting first, topped up past one page.</summary>
    private async Task<IReadOnlyList<ReviewQueueItem>> QueueOfMoreThanOnePageAsync()
    {
        async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync() => (await app.InScopeAsync(sp =>
            sp.GetRequiredService<ReviewQueueHandler>().HandleAsync(new ReviewQueueQuery(DemoSeeder.CommissioningAccount))))
            .Where(i => i.Conflict is null).ToList();

        var queue = await QueueAsync();
        if (queue.Count <= Pages.Review.IndexModel.PageSize)
        {
            var lineManager = await app.BearerClientAsync(Caller.LineManager);
            for (var i = queue.Count; i <= Pages.Review.IndexModel.PageSize; i++)
            {
                await RaiseToReviewAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount, i % 3));
            }

            queue = await QueueAsync();
        }

        return queue;
    }

    [Fact]
    public async Task ShowsTheNextCasesInOrderGivenNextLinkFollowed()
    {
        var queue = await QueueOfMoreThanOnePageAsync();
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);

        var first = await reviewer.GetStringAsync(new Uri("/Review", UriKind.Relative));
        var pagination = Pagination().Match(first);
        pagination.Success.ShouldBeTrue("the first page has the NHS.UK pagination");
        pagination.Value.ShouldContain("aria-label=\"Pagination\"");
        pagination.Value.ShouldNotContain("rel=\"prev\"");
        Tasks(first).ShouldBe(queue.Take(25).Select(i => i.TaskId));
        first.ShouldContain("showing 1 to 25");

        var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups["href"].Value);
        next.ShouldStartWith("/Review?after=");
        using var response = await reviewer.GetAsync(new Uri(next, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = await response.Content.ReadAsStringAsync();

        Tasks(second).ShouldBe(queue.Skip(25).Take(25).Select(i => i.TaskId));
        second.ShouldContain($"showing 26 to {Math.Min(50, queue.Count)}");
        var previous = WebUtility.HtmlDecode(PreviousLink().Match(second).Groups["href"].Value);
        previous.ShouldStartWith("/Review?before=");
        Tasks(await reviewer.GetStringAsync(new Uri(previous, UriKind.Relative))).ShouldBe(queue.Take(25).Select(i => i.TaskId));
    }

    [Fact]
    public async Task KeepsTheSortGivenNextLinkOfASortedQueue()
    {
        await QueueOfMoreThanOnePageAsync();
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);

        var first = await reviewer.GetStringAsync(new Uri("/Review?sort=newest", UriKind.Relative));

        var next = WebUtility.HtmlDecode(NextLink().Match(first).Groups["href"].Value);
        next.ShouldStartWith("/Review?sort=newest&after=");
        var second = await reviewer.GetStringAsync(new Uri(next, UriKind.Relative));
        second.ShouldContain("<option value=\"newest\" selected=\"selected\">");
        second.ShouldNotContain("id=\"page-link-refused\"");
    }

    [Theory]
    [InlineData("/Review?after=not-a-page")]
    [InlineData("/Review?after=%3D%3D%3D%3D")]
    [InlineData("/Review?before=MXwwfGF8MXwwfHwwfDB8MDAwMDAwMDA")]
    public async Task ShowsTheFirstPageWithAWordWhyGivenPageLinkNotFromThisQueue(string path)
    {
        var queue = await QueueOfMoreThanOnePageAsync();
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);

        using var response = await reviewer.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"page-link-refused\"");
        Tasks(html).ShouldBe(queue.Take(25).Select(i => i.TaskId));
    }

    [Fact]
    public async Task ShowsTheFirstPageGivenCursorOfAnotherSort()
    {
        await QueueOfMoreThanOnePageAsync();
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);
        var byCase = await reviewer.GetStringAsync(new Uri("/Review?sort=case", UriKind.Relative));
        var cursor = WebUtility.HtmlDecode(NextLink().Match(byCase).Groups["href"].Value).Split("after=")[1];

        var html = await reviewer.GetStringAsync(new Uri($"/Review?sort=oldest&after={cursor}", UriKind.Relative));

        html.ShouldContain("id=\"page-link-refused\"");
    }

    private static List<Guid> Tasks(string html) =>
        QueueTable().Match(html).Groups["body"].Value is var body
            ? TaskRow().Matches(body).Select(m => Guid.Parse(m.Groups["id"].Value)).ToList()
            : [];

    [GeneratedRegex("<nav class=\"nhsuk-pagination\"[^>]*>.*?</nav>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Pagination();

    [GeneratedRegex("href=\"(?<href>[^\"]+)\" rel=\"next\"", RegexOptions.CultureInvariant)]
    private static partial Regex NextLink();

    [GeneratedRegex("href=\"(?<href>[^\"]+)\" rel=\"prev\"", RegexOptions.CultureInvariant)]
    private static partial Regex PreviousLink();

    [GeneratedRegex("<table class=\"nhsuk-table-responsive\" id=\"review-queue\">(?<body>.*?)</table>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex QueueTable();

    [GeneratedRegex("data-task-id=\"(?<id>[0-9a-f-]{36})\"", RegexOptions.CultureInvariant)]
    private static partial Regex TaskRow();
}
