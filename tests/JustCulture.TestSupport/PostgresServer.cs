using System.Globalization;
using Npgsql;

namespace JustCulture.TestSupport;

/// <summary>
/// A throwaway PostgreSQL 15 server for tests: initdb into a temporary directory, start on a free port
/// with fsync off, and throw everything away at the end. One server per test process (<see cref="Shared"/>);
/// each test asks for its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// When the binaries are missing, tests are skipped (see <see cref="PostgresFactAttribute"/>) unless
/// <c>CI=true</c> or <c>JUSTCULTURE_REQUIRE_POSTGRES=1</c>: then starting the server fails loudly, because a CI
/// run that silently skips the server database proves nothing about it.
/// </remarks>
public sealed class PostgresServer : IDisposable, IAsyncDisposable
{
    public const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";
    private const string OsUser = PostgresProcesses.OsUser;

    private static readonly Lazy<string?> Unavailability = new(FindUnavailability);
    private static readonly Lock SharedLock = new();
    private static PostgresServer? _shared;
    private static bool _exitHookRegistered;

    private readonly string _rootDirectory;
    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private int _disposed;

    private PostgresServer(string binDirectory, string rootDirectory, int port)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _dataDirectory = Path.Combine(rootDirectory, "data");
        Port = port;
        ConnectionString = BuildConnectionString(port, "postgres");
    }

    /// <summary>Where initdb, pg_ctl and postgres are looked for: <c>PG_BIN</c> or <see cref="DefaultBinDirectory"/>.</summary>
    public static string BinDirectory =>
        Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } bin ? bin : DefaultBinDirectory;

    /// <summary>True when a server can be started on this machine.</summary>
    public static bool IsAvailable => Unavailability.Value is null;

    /// <summary>Why no server can be started, or null when one can.</summary>
    public static string? UnavailableMessage => Unavailability.Value;

    /// <summary>True when a missing server must fail the run rather than skip (CI, or explicitly required).</summary>
    public static bool IsRequired =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("JUSTCULTURE_REQUIRE_POSTGRES") is "1" or "true";

    /// <summary>
    /// The server shared by the tests of this process, started on first use. <see cref="PostgresFixture"/> stops it
    /// when its collection ends (the test runner may kill the process soon after the run, too soon for an exit
    /// hook to finish); process exit stops it as a fallback.
    /// </summary>
    public static PostgresServer Shared
    {
        get
        {
            lock (SharedLock)
            {
                if (_shared is null || _shared._disposed != 0)
                {
                    _shared = Start();
                    if (!_exitHookRegistered)
                    {
                        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopShared();
                        _exitHookRegistered = true;
                    }
                }

                return _shared;
            }
        }
    }

    /// <summary>Stops the shared server, if one is running; the next use of <see cref="Shared"/> starts a new one.</summary>
    public static void StopShared()
    {
        lock (SharedLock)
        {
            _shared?.Dispose();
            _shared = null;
        }
    }

    public int Port { get; }

    /// <summary>Superuser connection to the maintenance database <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts a new private server; prefer <see cref="Shared"/> unless a test needs its own.</summary>
    public static PostgresServer Start()
    {
        if (UnavailableMessage is { } reason)
        {
            throw new InvalidOperationException(IsRequired
                ? $"PostgreSQL is REQUIRED for this run (CI=true or JUSTCULTURE_REQUIRE_POSTGRES=1) but cannot be started: {reason}"
                : $"PostgreSQL cannot be started: {reason}");
        }

        RemoveStaleDirectories();
        Exception? last = null;
        // A free port can be taken between probing and binding; try a few.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var root = Path.Combine(ShortTempRoot(), "jcpg-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(root);
            var server = new PostgresServer(BinDirectory, root, FreePort());
            try
            {
                server.InitAndStart();
                return server;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
                server.Dispose();
            }
        }

        throw new InvalidOperationException($"PostgreSQL did not start after 3 attempts: {last?.Message}", last);
    }

    /// <summary>Creates a uniquely named database — empty, or a copy of <paramref name="template"/> — and returns a connection string for it.</summary>
    /// <param name="template">A database of this server to copy (nobody may be connected to it), or null for an empty one.</param>
    public async Task<string> CreateDatabaseAsync(string namePrefix, string? template = null, CancellationToken cancellationToken = default)
    {
        if (template is not null && !template.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("A template is a database name made by this server.", nameof(template));
        }

        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var prefix = new string((namePrefix ?? "test").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (prefix.Length == 0 || !char.IsAsciiLetter(prefix[0]))
        {
            prefix = "t_" + prefix;
        }

        var name = $"{prefix[..Math.Min(prefix.Length, 40)]}_{Guid.NewGuid().ToString("N")[..12]}";
        var connection = new NpgsqlConnection(ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                // The name is built from [a-z0-9_] only, so quoting it is enough.
#pragma warning disable CA2100
                command.CommandText = template is null
                    ? $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"
                    : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
#pragma warning restore CA2100
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return BuildConnectionString(Port, name);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            {
                Run(PgTool("pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(30), throwOnFailure: false);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(_rootDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp directory must not fail the test run.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static string BuildConnectionString(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Database = database,
        // Tests create many databases; pooled idle connections to each would exhaust max_connections.
        Pooling = false,
        Timeout = 30,
        CommandTimeout = 60,
    }.ConnectionString;

    private void InitAndStart()
    {
        if (IsRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres OS user.
            Run("chown", ["-R", $"{OsUser}:", _rootDirectory], TimeSpan.FromSeconds(30));
        }

        Run(PgTool("initdb"), ["-D", _dataDirectory, "-A", "trust", "-U", "postgres", "--encoding", "UTF8", "--locale", "C", "--no-sync"],
            TimeSpan.FromMinutes(2));
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -k {_rootDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
        // -l sends the server's output to a file: otherwise the server inherits our pipes and reads never end.
        Run(PgTool("pg_ctl"), ["-D", _dataDirectory, "-l", Path.Combine(_rootDirectory, "postgres.log"), "-o", options, "-t", "60", "-w", "start"],
            TimeSpan.FromSeconds(90));
    }

    private string PgTool(string name) => Path.Combine(_binDirectory, name);

    private void Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, bool throwOnFailure = true) =>
        PostgresProcesses.Run(program, arguments, timeout, _rootDirectory, Path.Combine(_rootDirectory, "postgres.log"), throwOnFailure);

    private static bool IsRoot => PostgresProcesses.IsRoot;

    private static string? FindUnavailability()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return "the throwaway PostgreSQL server is only supported on Linux and macOS.";
        }

        var bin = BinDirectory;
        var missing = new[] { "initdb", "pg_ctl", "postgres" }.Where(tool => !File.Exists(Path.Combine(bin, tool))).ToList();
        if (missing.Count > 0)
        {
            return $"{string.Join(", ", missing)} not found in {bin}. Install PostgreSQL 15 (apt-get install postgresql-15) or set PG_BIN.";
        }

        if (IsRoot && !OsUserExists())
        {
            return $"running as root but there is no '{OsUser}' OS user to own the cluster (initdb refuses to run as root).";
        }

        return null;
    }

    private static bool OsUserExists() =>
        File.Exists("/etc/passwd")
        && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(OsUser + ":", StringComparison.Ordinal));

    /// <summary>
    /// Removes clusters left by test processes that were killed before cleaning up: only directories over a day
    /// old whose server is not running, so a concurrent test run's server is never touched.
    /// </summary>
    private static void RemoveStaleDirectories()
    {
        try
        {
            foreach (var directory in new DirectoryInfo(ShortTempRoot()).EnumerateDirectories("jcpg-*"))
            {
                if (directory.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1)
                    && !File.Exists(Path.Combine(directory.FullName, "data", "postmaster.pid")))
                {
                    directory.Delete(recursive: true);
                }
            }
        }
        catch (IOException)
        {
            // Best effort only.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string ShortTempRoot() => PostgresProcesses.ShortTempRoot();

    private static int FreePort() => PostgresProcesses.FreePort();
}
