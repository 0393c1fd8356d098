using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JustCulture.TestSupport;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Api;

/// <summary>The workflow-versions page checks an uploaded definition before it is deployed: the loader's verdict, the
/// run from its start when asked, and how the file compares with the versions loaded. Nothing is deployed.</summary>
public sealed class WorkflowCheckPageTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private static readonly string Version1 = File.ReadAllText(Path.Combine(RepositoryPaths.WorkflowsDirectory, "just-culture-triage.json"));

    private async Task<(HttpStatusCode Status, string Html)> CheckAsync(string fileName, string json, bool run = false)
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, "/Admin/Workflows");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (run)
        {
            form.Add(new StringContent("true"), "Run");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "DefinitionFile", fileName);
        using var response = await admin.PostAsync(new Uri("/Admin/Workflows", UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string AsVersion(int version, Func<JsonObject, JsonObject>? change = null)
    {
        var definition = JsonNode.Parse(Version1)!.AsObject();
        definition["version"] = version;
        return (change?.Invoke(definition) ?? definition).ToJsonString();
    }

    [Fact]
    public async Task SaysNewCasesWouldStartOnItGivenAHigherVersionThatRuns()
    {
        var (status, html) = await CheckAsync("triage-v3.json", AsVersion(3), run: true);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("nhsuk-tag--green\">Loads</strong>");
        html.ShouldContain("new cases would start on version 3 instead of 2");
        // The run stops at the first question, which only the line manager may answer.
        html.ShouldContain("Waits at &#x27;q1a&#x27; (a task for LineManager)");
    }

    [Fact]
    public async Task RefusesWithEveryProblemInTheSummaryGivenADefinitionThatDoesNotLoad()
    {
        var broken = AsVersion(3, d =>
        {
            d["root"]!["activities"]!.AsArray().Add(JsonNode.Parse("""{ "id": "call", "type": "Elsa.HttpEndpoint", "version": 1 }"""));
            return d;
        });

        var (status, html) = await CheckAsync("broken.json", broken);

        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        html.ShouldContain("There is a problem");
        html.ShouldContain("<span class=\"nhsuk-u-visually-hidden\">Error:</span> broken.json does not load: 1 problem(s), listed below");
        html.ShouldContain("<a href=\"#DefinitionFile\">broken.json: activity &#x27;call&#x27;");
        html.ShouldContain("nhsuk-tag--red\">Refused</strong>");
        html.ShouldContain("It cannot be deployed until every problem is fixed.");
    }

    [Fact]
    public async Task WarnsTheAppWouldNotStartGivenALoadedVersionWithOtherContents()
    {
        var (status, html) = await CheckAsync("edited.json", Version1.Replace("Was there any intention to cause harm?", "Was harm intended?", StringComparison.Ordinal));

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("version 1 is already loaded from just-culture-triage.json with different contents");
        html.ShouldContain("publish the change as version 3");
    }

    [Fact]
    public async Task SaysNothingChangesGivenTheFileAlreadyLoaded()
    {
        var (status, html) = await CheckAsync("just-culture-triage.json", Version1);

        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("This is exactly the file already loaded as &#x27;just-culture-triage&#x27; version 1 (just-culture-triage.json)");
    }

    [Fact]
    public async Task AsksForTheFileGivenNoneWasSent()
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, "/Admin/Workflows");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        using var response = await admin.PostAsync(new Uri("/Admin/Workflows", UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<a href=\"#DefinitionFile\">Select the workflow definition file (JSON) to check</a>");
    }

    [Theory]
    [InlineData(Caller.Auditor)]
    [InlineData(Caller.CommissioningManager)]
    [InlineData(Caller.LineManager)]
    public async Task RefusesEveryoneButAnAdministrator(Caller caller)
    {
        var client = await app.CookieClientAsync(caller);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Version1)), "DefinitionFile", "x.json" } };
        using var response = await client.PostAsync(new Uri("/Admin/Workflows", UriKind.Relative), form);

        // Refused by the page's role before the form is read (the file is never checked).
        Authorization.ResponseOutcome.Of(response).ShouldBe(Authorization.Outcome.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("check-result");
    }
}
