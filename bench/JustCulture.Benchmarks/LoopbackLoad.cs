using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Application.Demo;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Benchmarks;

/// <summary>
/// A small load generator for web nodes on this machine (127.0.0.1 only): clients sign in as the demo line
/// manager, spread evenly over the nodes given, and each repeatedly raises a one-action concern and answers its
/// checklist to the end, one HTTP request per decision, for a fixed time. Prints decisions per second and
/// latency percentiles, then checks against the database that every decision the clients were told succeeded
/// is in the log exactly once. Each run first measures a baseline at the same concurrency (<c>GET /health/live</c>).
/// With <c>--list-tasks</c> the clients read the first page of <c>GET /api/tasks</c> instead. <c>bench/p3-http.sh</c>
/// runs P3 (SQLite and PostgreSQL); <c>bench/two-nodes.sh</c> runs P6 (one node, then two).
/// </summary>
internal static class LoopbackLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        foreach (var node in options.Nodes)
        {
            if (!node.IsLoopback)
            {
                Console.Error.WriteLine($"error: {node} is not on this machine; load is only ever sent to 127.0.0.1 / localhost.");
                return 2;
            }
        }

        var database = DatabaseLocation.Parse(options.Database);
        List<string> subjects;
        long answersBefore;
        await using (var db = database.CreateContext())
        {
            var manager = await db.Users.Where(u => u.UserId == DemoSeeder.LineManagerAccount).Select(u => u.StaffRef).SingleAsync();
            subjects = await db.Staff.Where(s => s.LineManagerRef == manager).Select(s => s.StaffRef).OrderBy(s => s).ToListAsync();
            answersBefore = await db.DecisionLog.LongCountAsync(e => e.EventType == LogEventTypes.QuestionAnswered);
        }

        var clients = new List<Client>();
        for (var i = 0; i < options.Clients; i++)
        {
            clients.Add(await Client.SignInAsync(options.Nodes[i % options.Nodes.Count], options.Password, subjects[i % subjects.Count]));
        }

        if (options.OpenTasks is { } openTasks)
        {
            await FillOpenTasksAsync(database, options, subjects, openTasks);
        }

        // Every node warms up (JIT, EF model, connection pools) on the same work before anything is measured.
        using (var warmUp = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmUpSeconds)))
        {
            await Task.WhenAll(clients.Select(c => options.ListTasks ? c.ProbeAsync("/api/tasks?limit=50", warmUp.Token) : c.RunAsync(warmUp.Token)));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await using (var db = database.CreateContext())
        {
            answersBefore = await db.DecisionLog.LongCountAsync(e => e.EventType == LogEventTypes.QuestionAnswered);
        }

        // The baseline, in the same run at the same concurrency: the cheapest request the app serves, so the
        // figure below separates the step's own cost from HTTP, the loopback and this machine's load.
        clients.ForEach(c => c.Reset());
        using (var baselineStop = new CancellationTokenSource(TimeSpan.FromSeconds(options.BaselineSeconds)))
        {
            await Task.WhenAll(clients.Select(c => c.ProbeAsync("/health/live", baselineStop.Token)));
        }

        var baseline = clients.SelectMany(c => c.Latencies).Order().ToList();

        clients.ForEach(c => c.Reset());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => options.ListTasks ? c.ProbeAsync("/api/tasks?limit=50", stop.Token) : c.RunAsync(stop.Token)));
        var elapsed = clock.Elapsed;

        // Let the nodes' sequencers integrate what was committed last, then count.
        await Task.Delay(TimeSpan.FromSeconds(3));
        long answersAfter;
        long distinctTasks;
        await using (var db = database.CreateContext())
        {
            answersAfter = await db.DecisionLog.LongCountAsync(e => e.EventType == LogEventTypes.QuestionAnswered);
            distinctTasks = await db.Bookmarks.LongCountAsync(b => b.CompletedAtUtc != null);
        }

        var latencies = clients.SelectMany(c => c.Latencies).Order().ToList();
        var decisions = options.ListTasks ? 0 : clients.Sum(c => c.Answers);
        var summary = new
        {
            nodes = options.Nodes.Count,
            clients = options.Clients,
            seconds = Math.Round(elapsed.TotalSeconds, 1),
            decisions,
            decisionsPerSecond = Math.Round(decisions / elapsed.TotalSeconds, 1),
            p50Ms = Percentile(latencies, 0.50),
            p95Ms = Percentile(latencies, 0.95),
            p99Ms = Percentile(latencies, 0.99),
            refused = clients.Sum(c => c.Refused),
            failed = clients.Sum(c => c.Failed),
            answersLogged = answersAfter - answersBefore,
            lostOrDuplicated = answersAfter - answersBefore - decisions,
            completedTasksInDatabase = distinctTasks,
            baselineP50Ms = Percentile(baseline, 0.50),
            baselineP95Ms = Percentile(baseline, 0.95),
            baselineP99Ms = Percentile(baseline, 0.99),
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
        if (options.Out is { } name)
        {
            var what = options.ListTasks ? $"GET /api/tasks (first page of 50), {options.Label}" : $"task completion over HTTP, {options.Label}";
            var rows = new (string P, double V, double B)[] { ("p50", summary.p50Ms, summary.baselineP50Ms), ("p95", summary.p95Ms, summary.baselineP95Ms), ("p99", summary.p99Ms, summary.baselineP99Ms) }
                .Select(r => new LoopbackRow($"{what}, {options.Clients} clients, {r.P}", r.V, "ms", $"GET /health/live {r.P}, same clients", r.B,
                    r.P == "p95" && options.TargetP95Ms is { } target ? $"p95 ≤ {target} ms" : null,
                    r.P == "p95" && options.TargetP95Ms is { } t ? r.V <= t : null))
                .ToList();
            await LoopbackResult.WriteAsync(name, "P3", $"HTTP percentiles: {what}", rows);
        }

        return (options.ListTasks || summary.lostOrDuplicated == 0) && summary.failed == 0 ? 0 : 1;
    }

    /// <summary>Makes the demo line manager's open-task count <paramref name="target"/>: concerns raised in this process
    /// through the product's own use case (<see cref="OpenTaskFill"/>), with the node's log key and checkpoints.</summary>
    private static async Task FillOpenTasksAsync(DatabaseLocation database, Options options, IReadOnlyList<string> subjects, int target)
    {
        var log = DecisionLogSettings.Resolve(database, options.SigningKey, options.Checkpoints);
        await OpenTaskFill.FillAsync(database, log, DemoSeeder.LineManagerAccount, subjects, target);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);

    /// <param name="ListTasks">Measure <c>GET /api/tasks</c> instead of completing tasks (P3's flat-with-volume figure).</param>
    /// <param name="Out">Write <c>BenchmarkDotNet.Artifacts/results/loopback-&lt;Out&gt;.json</c> for the ratio table.</param>
    /// <param name="SigningKey">The node's decision-log signing key (and <paramref name="Checkpoints"/>, its checkpoint
    /// store), for the open-task fill; beside the file by default on SQLite.</param>
    /// <param name="Label">What the run is on, for the JSON rows (e.g. "SQLite", "PostgreSQL, 50,000 open tasks").</param>
    private sealed record Options(IReadOnlyList<Uri> Nodes, int Clients, int Seconds, int WarmUpSeconds, string Database, string Password,
        int BaselineSeconds, bool ListTasks, string? Out, string Label, double? TargetP95Ms, int? OpenTasks, string? SigningKey, string? Checkpoints)
    {
        public static Options Parse(string[] args)
        {
            string Value(string name, string? fallback = null)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required");
            }

            var nodes = Value("--nodes").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new Uri(n)).ToList();
            var seconds = int.Parse(Value("--seconds", "30"), CultureInfo.InvariantCulture);
            var target = Value("--target-p95", "none");
            return new Options(nodes, int.Parse(Value("--clients", "16"), CultureInfo.InvariantCulture), seconds,
                int.Parse(Value("--warm-up", "10"), CultureInfo.InvariantCulture), Value("--database"), Value("--password", "JustCulture-demo-1"),
                int.Parse(Value("--baseline-seconds", Math.Max(1, seconds / 3).ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
                args.Contains("--list-tasks"), args.Contains("--out") ? Value("--out") : null, Value("--label", "this machine"),
                target == "none" ? null : double.Parse(target, CultureInfo.InvariantCulture),
                args.Contains("--open-tasks") ? int.Parse(Value("--open-tasks"), CultureInfo.InvariantCulture) : null,
                args.Contains("--signing-key") ? Value("--signing-key") : null, args.Contains("--checkpoints") ? Value("--checkpoints") : null);
        }
    }

    /// <summary>One signed-in line manager working concern after concern.</summary>
    private sealed class Client(HttpClient http, string subject)
    {
        public List<double> Latencies { get; } = [];

        public int Answers { get; private set; }

        public int Refused { get; private set; }

        public int Failed { get; private set; }

        public void Reset()
        {
            Latencies.Clear();
            Answers = Refused = Failed = 0;
        }

        public static async Task<Client> SignInAsync(Uri node, string password, string subject)
        {
            var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
            using var login = await http.PostAsJsonAsync("/api/auth/login", new { email = DemoSeeder.LineManagerAccount, password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new Client(http, subject);
        }

        /// <summary>Repeats one GET, timing each, until stopped (the baseline, and the task list).</summary>
        public async Task ProbeAsync(string path, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                    Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        Refused++;
                    }
                }
                catch (HttpRequestException)
                {
                    Failed++;
                }
            }
        }

        /// <summary>Raises a one-action concern; returns its id.</summary>
        public async Task<Guid> RaiseAsync() => (await OpenAsync()).ConcernId;

        private async Task<(Guid ConcernId, List<Guid> TaskIds)> OpenAsync()
        {
            using var opened = await http.PostAsJsonAsync("/api/concerns", new
            {
                subjectStaffRef = subject,
                summary = "Load test: a medication round started late.",
                actions = new[] { "Started the round late" },
                category = "Medication",
            }, CancellationToken.None);
            opened.EnsureSuccessStatusCode();
            var body = await opened.Content.ReadFromJsonAsync<JsonElement>();
            return (body.GetProperty("id").GetGuid(), body.GetProperty("taskIds").EnumerateArray().Select(t => t.GetGuid()).ToList());
        }

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var (_, tasks) = await OpenAsync();
                    // Five "No" answers take the checklist to outcome D; what follows is the commissioning manager's.
                    for (var question = 0; question < 5 && tasks.Count > 0 && !stop.IsCancellationRequested; question++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        using var answered = await http.PostAsJsonAsync($"/api/tasks/{tasks[0]}/complete", new { answer = "No" }, CancellationToken.None);
                        Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        if (!answered.IsSuccessStatusCode)
                        {
                            Refused++;
                            break;
                        }

                        Answers++;
                        tasks = (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nextTaskIds").EnumerateArray().Select(t => t.GetGuid()).ToList();
                    }
                }
                catch (HttpRequestException)
                {
                    Failed++;
                }
            }
        }
    }
}
