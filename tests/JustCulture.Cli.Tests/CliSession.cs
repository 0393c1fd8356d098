using System.Globalization;
using System.Text.Json;
using JustCulture.Cli;
using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

/// <summary>What one run of the CLI returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs the CLI in-process against one database: by default a temporary SQLite file (deleted on dispose),
/// or any <c>--database</c> value given. Also holds the temporary files a test writes (CSV, exports).
/// </summary>
public sealed class CliSession : IDisposable
{
    private readonly SqliteTestDatabase? _sqlite;
    private readonly string _directory = Path.Combine(SqliteTestDatabase.TempDirectory, "cli-" + Guid.NewGuid().ToString("N"));
    private readonly string[] _logOptions = [];

    /// <summary>A fresh SQLite file; the log's key and checkpoints go where the CLI puts them by default, beside it.</summary>
    public CliSession()
    {
        _sqlite = new SqliteTestDatabase("cli");
        DatabaseFile = _sqlite.Path;
        Database = $"sqlite:{_sqlite.ConnectionString}";
        SigningKeyPath = DatabaseFile + ".log-key.pem";
        CheckpointDirectory = DatabaseFile + ".checkpoints";
        Directory.CreateDirectory(_directory);
    }

    /// <summary>
    /// Any database. A server database has no "beside", so the log's key and checkpoint store are given with
    /// <c>--signing-key</c> and <c>--checkpoints</c> on every run, in this session's folder.
    /// </summary>
    public CliSession(string database)
    {
        Database = database;
        Directory.CreateDirectory(_directory);
        SigningKeyPath = PathFor("log-key.pem");
        CheckpointDirectory = PathFor("checkpoints");
        _logOptions = ["--signing-key", SigningKeyPath, "--checkpoints", CheckpointDirectory];
    }

    /// <summary>The <c>--database</c> value every run is given.</summary>
    public string Database { get; }

    /// <summary>The log's signing key (made by the first command that writes to the log).</summary>
    public string SigningKeyPath { get; }

    /// <summary>The log's public key, written beside the signing key: what an auditor checks with.</summary>
    public string PublicKeyPath => SigningKeyPath[..^".pem".Length] + ".pub.pem";

    /// <summary>The checkpoint store, outside the database.</summary>
    public string CheckpointDirectory { get; }

    /// <summary>The checkpoint files in the store, smallest size first.</summary>
    public IReadOnlyList<string> CheckpointFiles() => Directory.Exists(CheckpointDirectory)
        ? [.. Directory.GetFiles(CheckpointDirectory, "checkpoint-*.txt").Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The SQLite file, for tests that look at or tamper with it directly; null on PostgreSQL.</summary>
    public string? DatabaseFile { get; }

    /// <summary>Pooling-free connection string to the SQLite file.</summary>
    public string SqliteConnectionString => _sqlite?.ConnectionString ?? throw new InvalidOperationException("Not a SQLite session.");

    public Task<CliResult> RunAsync(params string[] args) => RunRawAsync(["--database", Database, .. _logOptions, .. args]);

    /// <summary>Runs exactly the arguments given, without adding <c>--database</c>.</summary>
    public static async Task<CliResult> RunRawAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await JustCultureCli.InvokeAsync(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs and requires exit code 0, returning standard output.</summary>
    public async Task<string> RunOkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        return result.Stdout;
    }

    /// <summary>A path in this session's temporary folder (not created).</summary>
    public string PathFor(string fileName) => Path.Combine(_directory, fileName);

    public string WriteFile(string fileName, string content)
    {
        var path = PathFor(fileName);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Migrates, imports <see cref="SmallTrust.Csv"/> and adds the small trust's users, all through the CLI.</summary>
    public async Task SeedSmallTrustAsync()
    {
        await RunOkAsync("db", "migrate");
        await RunOkAsync("staff", "import", WriteFile("small-trust.csv", SmallTrust.Csv), "--year", "2024-25");
        (string UserId, string Role, string? StaffRef)[] users =
        [
            (SmallTrust.LineManager, "LineManager", "M001"),
            (SmallTrust.OtherLineManager, "LineManager", "M002"),
            (SmallTrust.Reviewer, "CommissioningManager", "H001"),
            (SmallTrust.OtherReviewer, "CommissioningManager", "H002"),
            (SmallTrust.ReviewerWhoManagesSubject, "CommissioningManager", "X001"),
            (SmallTrust.Auditor, "Auditor", "A001"),
        ];
        foreach (var (userId, role, staffRef) in users)
        {
            await RunOkAsync(["user", "add", userId, "--name", userId, "--role", role, .. staffRef is null ? Array.Empty<string>() : ["--staff-ref", staffRef]]);
        }
    }

    /// <summary>Opens a concern through the CLI and returns the id it printed.</summary>
    public async Task<Guid> OpenConcernAsync(string subject = "S001", string raisedBy = SmallTrust.LineManager, params string[] actions)
    {
        string[] actionArgs = actions.Length == 0 ? ["--action", "Gave a dose late"] : [.. actions.SelectMany(a => new[] { "--action", a })];
        var stdout = await RunOkAsync(["concern", "open", "--subject", subject, "--raised-by", raisedBy, "--summary", "Something happened on the ward", "--category", "Clinical practice", .. actionArgs]);
        return Guid.Parse(stdout.Trim());
    }

    /// <summary>Pending tasks of a concern, read with <c>task list --format json</c>.</summary>
    public async Task<IReadOnlyList<CliTask>> TasksAsync(Guid concernId)
    {
        var stdout = await RunOkAsync("task", "list", "--concern", concernId.ToString(), "--format", "json");
        return JsonSerializer.Deserialize<List<CliTask>>(stdout, Json)!;
    }

    public async Task<CliTask> NextTaskAsync(Guid concernId) => (await TasksAsync(concernId)).Single();

    /// <summary>Answers the concern's single pending task.</summary>
    public async Task<string> AnswerNextAsync(Guid concernId, string userId, string answer, params string[] extra)
    {
        var task = await NextTaskAsync(concernId);
        // A review decision carries a conflict-of-interest declaration; "none" unless the test gives one.
        string[] declaration = task.Role == "CommissioningManager" && !extra.Contains("--conflict") ? ["--conflict", "none"] : [];
        return await RunOkAsync(["task", "complete", task.TaskId.ToString(), "--as", userId, "--answer", answer, .. declaration, .. extra]);
    }

    public async Task AnswerChecklistAsync(Guid concernId, IEnumerable<string> answers, string userId = SmallTrust.LineManager)
    {
        foreach (var answer in answers)
        {
            await AnswerNextAsync(concernId, userId, answer);
        }
    }

    public async Task<JsonElement> ShowConcernAsync(Guid concernId)
    {
        using var document = JsonDocument.Parse(await RunOkAsync("concern", "show", concernId.ToString(), "--format", "json"));
        return document.RootElement.Clone();
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public void Dispose()
    {
        _sqlite?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
            if (_sqlite is not null)
            {
                File.Delete(SigningKeyPath);
                File.Delete(PublicKeyPath);
                if (Directory.Exists(CheckpointDirectory))
                {
                    Directory.Delete(CheckpointDirectory, recursive: true);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp file must not fail the test.
        }
    }
}

/// <summary>One element of <c>task list --format json</c>.</summary>
public sealed record CliTask(Guid TaskId, Guid ConcernId, string ActivityId, string Role, string? StepId, string Question, string? HelpText, IReadOnlyList<string> Answers, int ActionOrdinal, int ActionVersion);
