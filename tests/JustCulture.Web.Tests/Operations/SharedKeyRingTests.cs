using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Application.Demo;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Operations;

/// <summary>Two web nodes on one database behind one address: a token one node issued must work on the other when
/// they share the data-protection key directory, and must not when each keeps its own keys.</summary>
public sealed class SharedKeyRingTests : IDisposable
{
    private readonly string _keys = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"jc-keys-{Guid.NewGuid():N}")).FullName;
    private readonly string _otherKeys = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"jc-keys-{Guid.NewGuid():N}")).FullName;

    public void Dispose()
    {
        Directory.Delete(_keys, recursive: true);
        Directory.Delete(_otherKeys, recursive: true);
    }

    [Fact]
    public async Task AcceptsTheOtherNodesTokenGivenSharedKeyDirectory()
    {
        using var database = await DemoDatabase.CopyAsync("web-shared-keys");
        await using var first = Node(database, _keys);
        await using var second = Node(database, _keys);

        var token = await SignInAsync(first);

        (await TasksAsync(second, token)).ShouldBe(HttpStatusCode.OK);
        (await TasksAsync(first, token)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RefusesTheOtherNodesTokenGivenEachNodeKeepsItsOwnKeys()
    {
        using var database = await DemoDatabase.CopyAsync("web-own-keys");
        await using var first = Node(database, _keys);
        await using var second = Node(database, _otherKeys);

        var token = await SignInAsync(first);

        (await TasksAsync(first, token)).ShouldBe(HttpStatusCode.OK);
        (await TasksAsync(second, token)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static JustCultureWebFactory Node(TestSupport.SqliteTestDatabase database, string keys) =>
        new(DemoDatabase.SqliteSetting(database), settings: new Dictionary<string, string?> { ["JustCulture:DataProtectionKeys"] = keys });

    private static async Task<string> SignInAsync(JustCultureWebFactory node)
    {
        using var client = node.CreateClient();
        using var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative),
            new { email = DemoSeeder.LineManagerAccount, password = WebAppFixture.DemoPassword });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString().ShouldNotBeNull();
    }

    private static async Task<HttpStatusCode> TasksAsync(JustCultureWebFactory node, string token)
    {
        using var client = node.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/tasks", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
