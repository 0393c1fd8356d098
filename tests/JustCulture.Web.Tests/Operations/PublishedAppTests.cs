using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JustCulture.TestSupport;

namespace JustCulture.Web.Tests.Operations;

/// <summary>
/// The app as an operator runs it: published, then started from another directory (a service manager starts it
/// in /). It finds its own styles and scripts, and a bad database setting ends it with one line on stderr.
/// </summary>
public sealed class PublishedAppTests : IClassFixture<PublishedAppTests.Published>
{
    private readonly Published _published;

    public PublishedAppTests(Published published) => _published = published;

    /// <summary>The web project published once for the class, from the build the tests already use.</summary>
    public sealed class Published : IDisposable
    {
        public Published()
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            Directory = Path.Combine(Path.GetTempPath(), $"jc-published-{Guid.NewGuid():N}");
            var project = Path.Combine(RepositoryPaths.RepoRoot, "src", "JustCulture.Web");
            // Precompiling (ReadyToRun, the project's publish default) needs a runtime-specific build; reusing the tests'
            // build keeps this about where the published app finds its files and how it stops, which precompiling leaves as is.
            var (code, output, _) = Run("dotnet", ["publish", project, "--no-build", "-c", configuration, "-p:PublishReadyToRun=false", "-o", Directory],
                RepositoryPaths.RepoRoot, [], TimeSpan.FromMinutes(5));
            code.ShouldBe(0, output);
        }

        public string Directory { get; }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static (int Code, string Stdout, string Stderr) Run(string file, string[] args, string workingDirectory, (string, string)[] environment, TimeSpan timeout)
    {
        using var process = Start(file, args, workingDirectory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static Process Start(string file, string[] args, string workingDirectory, (string, string)[] environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // Staging: neither Development's conveniences nor Production's required keys.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task ServesItsOwnStylesAndScriptsGivenStartedFromRootDirectory()
    {
        using var database = new SqliteTestDatabase("web-published");
        var port = FreePort();
        using var app = Start("dotnet", [Path.Combine(_published.Directory, "JustCulture.Web.dll"), "--urls", $"http://127.0.0.1:{port}"], "/",
            [("JustCulture__Database", $"sqlite:{database.Path}"), ("JustCulture__SeedDemo", "false")]);
        var stderr = app.StandardError.ReadToEndAsync();
        _ = app.StandardOutput.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            HttpResponseMessage? live = null;
            while (live?.StatusCode != HttpStatusCode.OK)
            {
                app.HasExited.ShouldBeFalse($"the published app stopped: {(app.HasExited ? await stderr : string.Empty)}");
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the published app did not answer /health/live");
                await Task.Delay(500);
                live?.Dispose();
                live = await client.GetAsync(new Uri("/health/live", UriKind.Relative)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
            }

            live.Dispose();
            foreach (var asset in (string[])["/lib/site.css", "/js/nhsuk-init.js", "/lib/nhsuk/nhsuk-frontend.min.js", "/lib/chartjs/chart.umd.min.js"])
            {
                using var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
                response.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            }

            using var signIn = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
            signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await signIn.Content.ReadAsStringAsync()).ShouldContain("/lib/site.css");
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData(StartupProblemTests.UnreachablePostgres, "could not be reached")]
    [InlineData(StartupProblemTests.MalformedPostgres, "malformed connection string")]
    public void StopsWithOneLineOnStderrGivenBadDatabaseSetting(string setting, string expected)
    {
        var (code, _, stderr) = Run("dotnet", [Path.Combine(_published.Directory, "JustCulture.Web.dll"), "--urls", $"http://127.0.0.1:{FreePort()}"], "/",
            [("JustCulture__Database", setting), ("JustCulture__SigningKey", Path.Combine(_published.Directory, "log-key.pem")), ("JustCulture__Checkpoints", Path.Combine(_published.Directory, "checkpoints"))],
            TimeSpan.FromSeconds(90));

        code.ShouldBe(1, stderr);
        var line = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldHaveSingleItem(stderr);
        line.ShouldStartWith("JustCulture could not start:");
        line.ShouldContain("JustCulture:Database");
        line.ShouldContain(expected);
        line.ShouldNotContain("Secret-pw-9");
    }
}
