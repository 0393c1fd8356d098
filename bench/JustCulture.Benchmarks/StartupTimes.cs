using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace JustCulture.Benchmarks;

/// <summary>
/// `startup --cli &lt;JustCulture.Cli.dll&gt; --web &lt;JustCulture.Web.dll&gt; --out &lt;loopback-startup.json&gt; [--runs N]`:
/// wall time of whole new processes, median of N, each against its baseline measured in the same run:
/// `justculture task list` against `justculture --help`, and the web app from launch to a healthy /health against
/// a bare ASP.NET Core app (<see cref="BareWeb"/>). Both use a SQLite database that already exists (one unmeasured
/// run creates and seeds it), as a restart of a deployed node does.
/// </summary>
public static class StartupTimes
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        var cli = options["--cli"];
        var web = options["--web"];
        var output = options["--out"];
        var runs = options.TryGetValue("--runs", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
        var work = Directory.CreateTempSubdirectory("jc-startup-").FullName;
        try
        {
            var cliDb = $"sqlite:{Path.Combine(work, "cli.db")}";
            await RunToEnd(cli, ["--database", cliDb, "demo"]);
            var taskList = await Median(runs, () => RunToEnd(cli, ["--database", cliDb, "task", "list"]));
            var help = await Median(runs, () => RunToEnd(cli, ["--help"], allowFailure: true));

            var webEnv = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["JustCulture__Database"] = $"sqlite:Data Source={Path.Combine(work, "web.db")}",
                ["JustCulture__SigningKey"] = Path.Combine(work, "web.key.pem"),
                ["JustCulture__Checkpoints"] = Path.Combine(work, "web.checkpoints"),
                ["Logging__LogLevel__Default"] = "Warning",
            };
            await UntilHealthy(web, [], webEnv);
            var webStart = await Median(runs, () => UntilHealthy(web, [], webEnv));
            var self = typeof(StartupTimes).Assembly.Location;
            var bare = await Median(runs, () => UntilHealthy(self, ["bare-web"], new Dictionary<string, string>()));

            var rows = new[]
            {
                Row("justculture task list (wall time)", taskList, "justculture --help", help, "≤ 600 ms", taskList <= 600),
                Row("web cold start to healthy /health", webStart, "bare ASP.NET Core app", bare, "≤ 1500 ms", webStart <= 1500),
            };
            var json = JsonSerializer.Serialize(new { suite = "Startup", title = $"median of {runs} new processes", rows },
                new JsonSerializerOptions { WriteIndented = true });
            await File.WriteAllTextAsync(output, json);
            Console.WriteLine(json);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static object Row(string name, double value, string baseline, double baselineValue, string target, bool met) =>
        new { name, value = Math.Round(value, 1), unit = "ms", baseline, baselineValue = Math.Round(baselineValue, 1), target, met };

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        foreach (var required in new[] { "--cli", "--web", "--out" })
        {
            if (!options.ContainsKey(required))
            {
                throw new ArgumentException($"startup: {required} is required (usage: startup --cli <dll> --web <dll> --out <json> [--runs N]).");
            }
        }

        return options;
    }

    private static async Task<double> Median(int runs, Func<Task<double>> measure)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await measure());
        }

        times.Sort();
        return runs % 2 == 1 ? times[runs / 2] : (times[(runs / 2) - 1] + times[runs / 2]) / 2;
    }

    private static ProcessStartInfo Dotnet(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> env)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Milliseconds from launch to exit.</summary>
    private static async Task<double> RunToEnd(string dll, string[] args, bool allowFailure = false)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(Dotnet(dll, args, new Dictionary<string, string>()))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"dotnet {dll} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }

        return elapsed;
    }

    /// <summary>Milliseconds from launch until GET /health answers 200; the process is then stopped.</summary>
    private static async Task<double> UntilHealthy(string dll, string[] args, IReadOnlyDictionary<string, string> env)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(Dotnet(dll, [.. args, "--urls", url], env))!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"dotnet {dll} exited {process.ExitCode} before /health answered: {await stderr}");
                }

                try
                {
                    using var response = await http.GetAsync($"{url}/health");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return clock.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"dotnet {dll}: /health did not answer 200 within 120 s.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
