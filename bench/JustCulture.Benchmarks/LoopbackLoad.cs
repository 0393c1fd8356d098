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
/// is in the log exactly once. `bench/two-nodes.sh` runs it against one node and then two.
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

        // Every node warms up (JIT, EF model, connection pools) on the same work before anything is measured.
        using (var warmUp = new CancellationTokenSource(TimeSpan.FromSeconds(options.WarmUpSeconds)))
        {
            await Task.WhenAll(clients.Select(c => c.RunAsync(warmUp.Token)));
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await using (var db = database.CreateContext())
        {
            answersBefore = await db.DecisionLog.LongCountAsync(e => e.EventType == LogEventTypes.QuestionAnswered);
        }

        clients.ForEach(c => c.Reset());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => c.RunAsync(stop.Token)));
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
        var decisions = clients.Sum(c => c.Answers);
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
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return summary.lostOrDuplicated == 0 && summary.failed == 0 ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);

    private sealed record Options(IReadOnlyList<Uri> Nodes, int Clients, int Seconds, int WarmUpSeconds, string Database, string Password)
    {
        public static Options Parse(string[] args)
        {
            string Value(string name, string? fallback = null)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required");
            }

            var nodes = Value("--nodes").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new Uri(n)).ToList();
            return new Options(nodes, int.Parse(Value("--clients", "16"), CultureInfo.InvariantCulture), int.Parse(Value("--seconds", "30"), CultureInfo.InvariantCulture),
                int.Parse(Value("--warm-up", "10"), CultureInfo.InvariantCulture), Value("--database"), Value("--password", "JustCulture-demo-1"));
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

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var opened = await http.PostAsJsonAsync("/api/concerns", new
                    {
                        subjectStaffRef = subject,
                        summary = "Load test: a medication round started late.",
                        actions = new[] { "Started the round late" },
                        category = "Medication",
                    }, CancellationToken.None);
                    opened.EnsureSuccessStatusCode();
                    var tasks = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskIds").EnumerateArray().Select(t => t.GetGuid()).ToList();
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
