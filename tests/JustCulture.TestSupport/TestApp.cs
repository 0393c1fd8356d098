using System.Collections.Concurrent;
using JustCulture.Application;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Staff;
using JustCulture.Application.Tasks;
using JustCulture.Application.Users;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JustCulture.TestSupport;

public enum TestProvider
{
    Sqlite,
    Postgres,
    /// <summary>Only where <c>JUSTCULTURE_SQLSERVER</c> names a server (<see cref="SqlServerServer"/>); the Persistence provider tests use it.</summary>
    SqlServer,
}

/// <summary>
/// The application wired as the CLI and web wire it, on a real database of its own (a temporary SQLite
/// file or a fresh database on the throwaway PostgreSQL server), migrated with the real migrations.
/// Each <see cref="RunAsync{THandler,TResult}"/> uses a fresh scope, as a request or CLI verb would.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly bool _ownsLogDirectory;

    /// <param name="logDirectory">Holds the log's signing key and checkpoint store, as a real installation keeps them
    /// outside the database; a copied template database comes with a copy of its template's.</param>
    private TestApp(DatabaseLocation database, string? sqliteFile, string? workflowsDirectory, Action<IServiceCollection>? configure, string logDirectory, bool ownsLogDirectory)
    {
        Database = database;
        _sqliteFile = sqliteFile;
        LogDirectory = logDirectory;
        _ownsLogDirectory = ownsLogDirectory;
        LogSettings = DecisionLogSettings.Resolve(database, Path.Combine(logDirectory, "log-key.pem"), Path.Combine(logDirectory, "checkpoints"));
        var services = new ServiceCollection().AddJustCultureApplication(database, workflowsDirectory, LogSettings);
        services.AddSingleton<TimeProvider>(Clock);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public DatabaseLocation Database { get; }

    /// <summary>The folder with this app's log key and checkpoints.</summary>
    public string LogDirectory { get; }

    public DecisionLogSettings LogSettings { get; }

    private static string NewLogDirectory() => Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"jc-test-log-{Guid.NewGuid():N}")).FullName;

    private static string CopyLogDirectory(string from)
    {
        var to = NewLogDirectory();
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    public ServiceProvider Services { get; }

    public TestClock Clock { get; } = new(new DateTime(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc));

    public static async Task<TestApp> StartAsync(TestProvider provider, string? workflowsDirectory = null, Action<IServiceCollection>? configure = null)
    {
        TestApp app;
        if (provider == TestProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"jc-test-{Guid.NewGuid():N}.db");
            app = new TestApp(DatabaseLocation.Parse($"sqlite:Data Source={file};Pooling=False"), file, workflowsDirectory, configure, NewLogDirectory(), true);
        }
        else
        {
            var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("app");
            app = new TestApp(DatabaseLocation.Parse($"postgres:{connectionString}"), null, workflowsDirectory, configure, NewLogDirectory(), true);
        }

        await app.RunAsync<DatabaseMigrator, IReadOnlyList<string>>(m => m.MigrateAsync());
        return app;
    }

    /// <summary>A migrated application on a database the test made itself (e.g. on a replicated pair of servers); the
    /// test owns the database, the app owns its log folder.</summary>
    public static async Task<TestApp> StartOnAsync(DatabaseLocation database, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var app = new TestApp(database, null, null, configure, NewLogDirectory(), true);
        await app.RunAsync<DatabaseMigrator, IReadOnlyList<string>>(m => m.MigrateAsync());
        return app;
    }

    private static readonly ConcurrentDictionary<TestProvider, Lazy<Task<(string Template, string LogDirectory)>>> SmallTrustTemplates = new();

    /// <summary>
    /// A fresh application whose database already holds the migrated schema and <see cref="SmallTrust"/>: a copy
    /// of a template migrated and seeded once per test process and provider (a file copy on SQLite,
    /// <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL), instead of migrating and seeding for every test.
    /// </summary>
    public static async Task<TestApp> StartWithSmallTrustAsync(TestProvider provider, Action<IServiceCollection>? configure = null)
    {
        var (template, templateLog) = await SmallTrustTemplates.GetOrAdd(provider, p => new Lazy<Task<(string, string)>>(() => BuildSmallTrustTemplateAsync(p))).Value;
        if (provider == TestProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"jc-test-{Guid.NewGuid():N}.db");
            File.Copy(template, file);
            return new TestApp(DatabaseLocation.Parse($"sqlite:Data Source={file};Pooling=False"), file, null, configure, CopyLogDirectory(templateLog), true);
        }

        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync("app", template);
        return new TestApp(DatabaseLocation.Parse($"postgres:{connectionString}"), null, null, configure, CopyLogDirectory(templateLog), true);
    }

    /// <returns>The template's file (SQLite) or database name (PostgreSQL), and its log folder (key and checkpoints).</returns>
    private static async Task<(string Template, string LogDirectory)> BuildSmallTrustTemplateAsync(TestProvider provider)
    {
        var app = await StartAsync(provider);
        await SmallTrust.SeedAsync(app);
        // Integrated and signed, as a running installation's would be a moment after seeding.
        await app.CheckpointAsync();
        var location = app.Database;
        // Close every connection (no pooling on SQLite; PostgreSQL's pool is cleared) so the template can be copied.
        await app.Services.DisposeAsync();
        if (provider == TestProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            return (new NpgsqlConnectionStringBuilder(location.ConnectionString).Database!, app.LogDirectory);
        }

        return (new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(location.ConnectionString).DataSource, app.LogDirectory);
    }

    /// <summary>A second application on the same database (e.g. restarted with other workflow files);
    /// it does not delete the database when disposed.</summary>
    public static TestApp OnSameDatabase(TestApp other, string? workflowsDirectory)
    {
        ArgumentNullException.ThrowIfNull(other);
        var app = new TestApp(other.Database, null, workflowsDirectory, null, other.LogDirectory, false);
        app.Clock.UtcNow = other.Clock.UtcNow;
        return app;
    }

    /// <summary>What the web app's sequencer does every second: integrate what is waiting and sign a checkpoint.</summary>
    public async Task CheckpointAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DecisionLogSequencer>().CheckpointAsync(scope.ServiceProvider.GetRequiredService<JustCultureDbContext>());
    }

    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> use)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>Reads the database directly, in a fresh context (what is really stored, not what is tracked).</summary>
    public async Task<TResult> QueryAsync<TResult>(Func<JustCultureDbContext, Task<TResult>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = Database.CreateContext();
        return await query(db);
    }

    /// <summary>
    /// Decision-log entries read from the database with their personal fields opened (what the people who may read
    /// the case see): copies, with subject staff ref, rationale and statement in plaintext.
    /// </summary>
    public async Task<List<DecisionLogEntry>> OpenedEntriesAsync(Func<IQueryable<DecisionLogEntry>, IQueryable<DecisionLogEntry>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = Database.CreateContext();
        var entries = await query(db.DecisionLog.AsNoTracking()).ToListAsync();
        var keyring = await Services.GetRequiredService<CaseDataProtector>().KeyringAsync(db, entries.Where(e => e.ConcernId != null).Select(e => e.ConcernId!.Value));
        foreach (var entry in entries)
        {
            var opened = keyring.Open(entry);
            entry.SubjectStaffRef = opened.SubjectStaffRef;
            entry.Rationale = opened.Rationale;
            entry.InformalNotAppropriate = opened.InformalNotAppropriate;
        }

        return entries;
    }

    public async Task<DecisionLogEntry> OpenedEntryAsync(Func<IQueryable<DecisionLogEntry>, IQueryable<DecisionLogEntry>> query) =>
        (await OpenedEntriesAsync(query)).Single();

    public async Task ImportStaffAsync(string csv, string year = "2024-25")
    {
        using var reader = new StringReader(csv);
        await RunAsync<ImportStaffHandler, ImportStaffResult>(h => h.HandleAsync(new ImportStaffCommand(reader, "test.csv", year, new Actor("test", "Operator"))));
    }

    public Task AddUserAsync(string userId, string role, string? staffRef) =>
        RunAsync<AddUserHandler, Domain.Users.User>(h => h.HandleAsync(new AddUserCommand(userId, userId, role, staffRef, new Actor("test", "Operator"))));

    public Task<Guid> OpenConcernAsync(string subject, string raisedBy, params string[] actions) =>
        RunAsync<OpenConcernHandler, Guid>(h => h.HandleAsync(new OpenConcernCommand(subject, raisedBy, "Something happened on the ward", actions.Length == 0 ? ["An action"] : actions, "Clinical practice")));

    public Task<IReadOnlyList<TaskView>> TasksAsync(Guid concernId) =>
        RunAsync<ListTasksHandler, IReadOnlyList<TaskView>>(h => h.HandleAsync(new ListTasksQuery(concernId)));

    public async Task<TaskView> NextTaskAsync(Guid concernId, int actionOrdinal = 1) =>
        (await TasksAsync(concernId)).Single(t => t.ActionOrdinal == actionOrdinal);

    /// <summary>Answers a task. A commissioning manager's task carries a "no conflict of interest" declaration
    /// unless the test says otherwise; tests of the declaration itself call the handler with their own.</summary>
    public async Task<CompleteTaskResult> CompleteAsync(Guid taskId, string userId, string answer, string? rationale = null, string? statement = null, int? expectedVersion = null)
    {
        var role = await QueryAsync(db => db.Bookmarks.Where(b => b.Id == taskId).Select(b => b.Role).SingleOrDefaultAsync());
        ConflictOfInterest? conflict = role == nameof(Role.CommissioningManager) ? ConflictOfInterest.None : null;
        return await RunAsync<CompleteTaskHandler, CompleteTaskResult>(h => h.HandleAsync(new CompleteTaskCommand(taskId, userId, answer, rationale, statement, expectedVersion, conflict)));
    }

    /// <summary>Answers the next task of an action, whatever it is.</summary>
    public async Task<CompleteTaskResult> AnswerNextAsync(Guid concernId, string userId, string answer, string? rationale = null, string? statement = null, int actionOrdinal = 1) =>
        await CompleteAsync((await NextTaskAsync(concernId, actionOrdinal)).TaskId, userId, answer, rationale, statement);

    public async Task AnswerChecklistAsync(Guid concernId, string userId, IEnumerable<string> answers, int actionOrdinal = 1)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var answer in answers)
        {
            await AnswerNextAsync(concernId, userId, answer, actionOrdinal: actionOrdinal);
        }
    }

    public Task<ConcernView> ConcernAsync(Guid concernId) =>
        RunAsync<GetConcernHandler, ConcernView>(h => h.HandleAsync(concernId));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_ownsLogDirectory)
        {
            Directory.Delete(LogDirectory, recursive: true);
        }
    }
}
