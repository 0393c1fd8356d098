using System.Diagnostics;
using System.Text.Json;

namespace JustCulture.Web.Tests.OpenIdConnect;

/// <summary>One person the test identity provider knows: the login name typed at its sign-in page, and the claims it issues.</summary>
public sealed record TestPerson(string Login, string Oid, string? Email, bool EmailVerified, IReadOnlyList<string>? Groups);

/// <summary>
/// A real OpenID Connect provider — the npm package <c>oidc-provider</c>, run by Node from
/// <c>tests/oidc-provider/provider.mjs</c> — on a free port of 127.0.0.1, with one confidential client (code flow,
/// PKCE) and the given people. Its issuer is named <c>localhost</c> while the app is reached as 127.0.0.1, so the
/// browser treats the two as different sites, as a trust's identity provider and this service are. The process
/// exits when its standard input closes; disposing closes it and, failing that, kills it.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "justculture-tests";
    public const string ClientSecret = "test-client-secret-0123456789";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _node;
    private readonly string _settingsFile;

    private TestIdentityProvider(Process node, string settingsFile, Uri issuer)
    {
        _node = node;
        _settingsFile = settingsFile;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    public static string ScriptDirectory { get; } = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../oidc-provider"));

    public static async Task<TestIdentityProvider> StartAsync(Uri redirectUri, IEnumerable<TestPerson> people)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        var settingsFile = Path.Combine(Path.GetTempPath(), $"jc-oidc-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settingsFile, JsonSerializer.Serialize(new
        {
            issuerHost = "localhost",
            client = new { id = ClientId, secret = ClientSecret, redirectUri = redirectUri.ToString() },
            accounts = people.ToDictionary(p => p.Login, p => AccountClaims(p)),
        }));
        var start = new ProcessStartInfo("node", ["provider.mjs", settingsFile])
        {
            WorkingDirectory = ScriptDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = new System.Text.StringBuilder();
        node.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("listening ", StringComparison.Ordinal))
                {
                    return new TestIdentityProvider(node, settingsFile, new Uri(line["listening ".Length..]));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        node.Kill(entireProcessTree: true);
        string output;
        lock (errors)
        {
            output = errors.ToString();
        }

        throw new InvalidOperationException($"The test identity provider (node {ScriptDirectory}/provider.mjs) did not start within {StartTimeout.TotalSeconds} s: {output}");
    }

    private static Dictionary<string, object> AccountClaims(TestPerson person)
    {
        var claims = new Dictionary<string, object> { ["sub"] = $"sub-{person.Oid}", ["oid"] = person.Oid, ["email_verified"] = person.EmailVerified };
        if (person.Email is not null)
        {
            claims["email"] = person.Email;
        }

        if (person.Groups is not null)
        {
            claims["groups"] = person.Groups;
        }

        return claims;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _node.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _node.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _node.Kill(entireProcessTree: true);
        }
        finally
        {
            _node.Dispose();
            File.Delete(_settingsFile);
        }
    }
}
