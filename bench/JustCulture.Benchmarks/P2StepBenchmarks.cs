using BenchmarkDotNet.Attributes;
using JustCulture.Application;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Staff;
using JustCulture.Application.Tasks;
using JustCulture.Application.Users;
using JustCulture.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Benchmarks;

/// <summary>
/// The case step's promise: it costs the same (±25%) with 300 and with 100,000 workflow instances on
/// SQLite. <see cref="AnswerOneTask"/> answers one real checklist question through <see cref="CompleteTaskHandler"/>
/// in a fresh scope, as a web request does; <see cref="RawInsertAndCommit"/> is one single-row insert and commit
/// on the same database file, so each step is reported as a ratio to what one durable commit costs on this disk.
/// </summary>
[Config(typeof(CaseStepConfig))]
public class P2StepBenchmarks
{
    /// <summary>Real concerns whose first task the measured steps answer: one per invocation, with room to spare
    /// for the jitting, warm-up, measured and memory-diagnoser iterations (about 105 in all).</summary>
    private const int TargetConcerns = 200;

    private readonly List<Guid> _tasks = [];
    private string _directory = string.Empty;
    private string _connectionString = string.Empty;
    private ServiceProvider? _services;
    private int _next;
    private Guid _current;

    /// <summary>Workflow instances (each with its bookmarks) in the database while the step runs.</summary>
    [Params(300, 100_000)]
    public int Instances { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _tasks.Clear();
        _next = 0;
        _directory = Path.Combine(DatabaseFolder, $"jc-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        var database = DatabaseLocation.Parse($"sqlite:Data Source={Path.Combine(_directory, "bench.db")};Pooling=False");
        _connectionString = database.ConnectionString;
        _services = new ServiceCollection()
            .AddJustCultureApplication(database, DependencyInjection.DefaultWorkflowsDirectory)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await RunAsync<DatabaseMigrator, IReadOnlyList<string>>(m => m.MigrateAsync());
        using (var staff = new StringReader(BenchTrust.StaffCsv))
        {
            await RunAsync<ImportStaffHandler, ImportStaffResult>(h => h.HandleAsync(new ImportStaffCommand(staff, "bench.csv", BenchTrust.Year, Operator)));
        }

        foreach (var (userId, role, staffRef) in BenchTrust.Users)
        {
            await RunAsync<AddUserHandler, Domain.Users.User>(h => h.HandleAsync(new AddUserCommand(userId, userId, role.ToString(), staffRef, Operator)));
        }

        // One real case walked to its end through the handlers (checklist to outcome D, then system learning):
        // the template every background copy is made from.
        var template = await OpenConcernAsync(BenchTrust.Subjects[0]);
        var next = await FirstTaskAsync(template);
        foreach (var answer in BenchTrust.PathToOutcomeD)
        {
            next = (await CompleteAsync(next, BenchTrust.LineManager, answer)).NextTaskIds.Single();
        }

        // A review records the reviewer's conflict-of-interest declaration with the route.
        var closed = await RunAsync<CompleteTaskHandler, CompleteTaskResult>(h => h.HandleAsync(new CompleteTaskCommand(next, BenchTrust.Reviewer, "SystemLearning",
            "Rota gaps on the ward; shared with the safety team.", Conflict: JustCulture.Domain.Concerns.ConflictOfInterest.None)));
        if (closed.NextTaskIds.Count != 0 || closed.ConcernStatus != Domain.Concerns.ConcernStatus.Closed)
        {
            throw new InvalidOperationException($"The template case did not close: {closed.ConcernStatus}, {closed.NextTaskIds.Count} open tasks.");
        }

        var copies = Instances - TargetConcerns - 1;
        if (copies < 0)
        {
            throw new InvalidOperationException($"{Instances} instances leave no room for {TargetConcerns} target concerns.");
        }

        CaseVolume.Copy(_connectionString, template, copies, BenchTrust.Subjects);

        for (var i = 0; i < TargetConcerns; i++)
        {
            _tasks.Add(await FirstTaskAsync(await OpenConcernAsync(BenchTrust.Subjects[i % BenchTrust.Subjects.Length])));
        }

        var stored = Scalar("SELECT count(*) FROM workflow_instances");
        if (stored != Instances)
        {
            throw new InvalidOperationException($"Expected {Instances} workflow instances, found {stored}.");
        }

        Console.WriteLine($"// {Instances} workflow instances stored in {_directory}.");
        using var scratch = new SqliteConnection(_connectionString);
        scratch.Open();
        using var create = scratch.CreateCommand();
        create.CommandText = "CREATE TABLE bench_scratch (id INTEGER PRIMARY KEY, payload TEXT NOT NULL, at_utc TEXT NOT NULL);";
        create.ExecuteNonQuery();
    }

    [IterationSetup(Target = nameof(AnswerOneTask))]
    public void PickNextTask()
    {
        if (_next >= _tasks.Count)
        {
            throw new InvalidOperationException($"All {_tasks.Count} target tasks are answered: raise TargetConcerns.");
        }

        // Only picked here; the step itself moves on, so extra setup calls never skip a task.
        _current = _tasks[_next];
    }

    /// <summary>The line manager answers "No" to the next real concern's first question: one case step.</summary>
    [Benchmark]
    public async Task<CompleteTaskResult> AnswerOneTask()
    {
        _next++;
        return await CompleteAsync(_current, BenchTrust.LineManager, "No");
    }

    /// <summary>What one durable commit costs on this database: open, one single-row insert, commit, close.</summary>
    [Benchmark(Baseline = true)]
    public long RawInsertAndCommit()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO bench_scratch (payload, at_utc) VALUES ($payload, $at) RETURNING id;";
        insert.Parameters.AddWithValue("$payload", "No");
        insert.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var id = (long)insert.ExecuteScalar()!;
        transaction.Commit();
        return id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            // Every measured step must have really answered its task.
            var answered = _tasks.Take(_next).Count(task => Scalar($"SELECT count(*) FROM bookmarks WHERE id = '{CaseVolume.StoredId(task)}' AND completed_at_utc IS NOT NULL") == 1);
            if (answered != _next)
            {
                throw new InvalidOperationException($"{_next} steps ran but {answered} tasks are answered.");
            }

            if (_next > 0)
            {
                Console.WriteLine($"// {_next} steps answered their tasks with {Instances} workflow instances stored.");
            }
        }
        finally
        {
            _services?.Dispose();
            _services = null;
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Where the database file goes: the temp folder, or JUSTCULTURE_BENCH_FOLDER (e.g. /dev/shm, to take the
    /// disk's flush out of both the step and the baseline and see only what the database does).</summary>
    private static string DatabaseFolder =>
        Environment.GetEnvironmentVariable("JUSTCULTURE_BENCH_FOLDER") is { Length: > 0 } folder ? folder : Path.GetTempPath();

    private static Actor Operator => new("bench", "Operator");

    private async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> use)
        where THandler : notnull
    {
        await using var scope = _services!.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private Task<Guid> OpenConcernAsync(string subject) =>
        RunAsync<OpenConcernHandler, Guid>(h => h.HandleAsync(new OpenConcernCommand(subject, BenchTrust.LineManager, "Something happened on the ward", ["An action"], "Clinical practice")));

    private async Task<Guid> FirstTaskAsync(Guid concernId) =>
        (await RunAsync<ListTasksHandler, IReadOnlyList<TaskView>>(h => h.HandleAsync(new ListTasksQuery(concernId)))).Single().TaskId;

    private Task<CompleteTaskResult> CompleteAsync(Guid taskId, string userId, string answer, string? rationale = null) =>
        RunAsync<CompleteTaskHandler, CompleteTaskResult>(h => h.HandleAsync(new CompleteTaskCommand(taskId, userId, answer, rationale)));

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
