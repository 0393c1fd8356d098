using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace JustCulture.TestSupport;

/// <summary>
/// Two throwaway PostgreSQL 15 servers on loopback: a primary and a standby that streams its WAL, set up as
/// PostgreSQL's own synchronous replication (<c>synchronous_standby_names</c>), so a commit is acknowledged only once
/// the standby has flushed it. Tests kill the primary (SIGKILL, as if its machine were lost), promote the standby,
/// and check what the application had been told was saved.
/// </summary>
/// <remarks>Unlike <see cref="PostgresServer"/>, fsync and synchronous commit stay on: durability is what is tested.</remarks>
public sealed class PostgresReplicatedPair : IAsyncDisposable
{
    private const string StandbyName = "standby1";
    private readonly string _rootDirectory;
    private int _disposed;

    private PostgresReplicatedPair(string rootDirectory, int primaryPort, int standbyPort)
    {
        _rootDirectory = rootDirectory;
        PrimaryPort = primaryPort;
        StandbyPort = standbyPort;
    }

    public int PrimaryPort { get; }

    public int StandbyPort { get; }

    private string PrimaryData => Path.Combine(_rootDirectory, "primary");

    private string StandbyData => Path.Combine(_rootDirectory, "standby");

    private string PrimaryLog => Path.Combine(_rootDirectory, "primary.log");

    private string StandbyLog => Path.Combine(_rootDirectory, "standby.log");

    /// <summary>Starts the primary, takes a base backup of it for the standby, starts the standby, and waits until the
    /// primary reports it as its synchronous standby.</summary>
    public static async Task<PostgresReplicatedPair> StartAsync()
    {
        if (PostgresServer.UnavailableMessage is { } reason)
        {
            throw new InvalidOperationException($"PostgreSQL cannot be started: {reason}");
        }

        var root = Path.Combine(PostgresProcesses.ShortTempRoot(), "jcpg-pair-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var pair = new PostgresReplicatedPair(root, PostgresProcesses.FreePort(), PostgresProcesses.FreePort());
        try
        {
            await pair.InitAsync();
            return pair;
        }
        catch
        {
            await pair.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// How the application reaches whichever server is primary: both hosts, and Npgsql picks the one that accepts
    /// writes (<c>Target Session Attributes=primary</c>), looking again a second after a host failed.
    /// </summary>
    public string FailoverConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{PrimaryPort},127.0.0.1:{StandbyPort}"),
        Username = "postgres",
        Database = database,
        TargetSessionAttributes = "primary",
        HostRecheckSeconds = 1,
        Timeout = 5,
        CommandTimeout = 30,
    }.ConnectionString;

    /// <summary>One server only, with no pooling: for reading what a server really holds.</summary>
    public static string DirectConnectionString(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Database = database,
        Pooling = false,
        Timeout = 5,
    }.ConnectionString;

    /// <summary>Creates a database on the primary; replication carries it to the standby.</summary>
    public async Task CreateDatabaseAsync(string name)
    {
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException("Use letters, digits and underscores only.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(DirectConnectionString(PrimaryPort, "postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the name is checked above
        command.CommandText = $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0";
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Kills the primary's postmaster and every backend of it with SIGKILL: no shutdown, no flush, no goodbye
    /// to clients — what losing its machine looks like to everyone else.</summary>
    public void KillPrimary()
    {
        var pidFile = Path.Combine(PrimaryData, "postmaster.pid");
        var pid = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        using var postmaster = Process.GetProcessById(pid);
        postmaster.Kill(entireProcessTree: true);
        postmaster.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>Makes the standby the primary (<c>pg_ctl promote</c>), waiting until it accepts writes.</summary>
    public void PromoteStandby() =>
        PostgresProcesses.Run(PgTool("pg_ctl"), ["-D", StandbyData, "-w", "-t", "60", "promote"], TimeSpan.FromSeconds(90), _rootDirectory, StandbyLog);

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }

        foreach (var data in new[] { StandbyData, PrimaryData })
        {
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                PostgresProcesses.Run(PgTool("pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(30), _rootDirectory, throwOnFailure: false);
            }
        }

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

        return ValueTask.CompletedTask;
    }

    private async Task InitAsync()
    {
        if (PostgresProcesses.IsRoot)
        {
            PostgresProcesses.Run("chown", ["-R", $"{PostgresProcesses.OsUser}:", _rootDirectory], TimeSpan.FromSeconds(30), _rootDirectory);
        }

        // initdb's "-A trust" also lets 127.0.0.1 connect for replication (pg_hba.conf's replication lines).
        PostgresProcesses.Run(PgTool("initdb"), ["-D", PrimaryData, "-A", "trust", "-U", "postgres", "--encoding", "UTF8", "--locale", "C"],
            TimeSpan.FromMinutes(2), _rootDirectory);
        Start(PrimaryData, PrimaryLog, string.Create(CultureInfo.InvariantCulture,
            $"-p {PrimaryPort} -k {_rootDirectory} -c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=4 "
            + $"-c synchronous_commit=on -c synchronous_standby_names={StandbyName} -c max_connections=100"));

        PostgresProcesses.Run(PgTool("pg_basebackup"),
            ["-h", "127.0.0.1", "-p", PrimaryPort.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-D", StandbyData, "-X", "stream", "-R"],
            TimeSpan.FromMinutes(2), _rootDirectory, PrimaryLog);
        // -R wrote standby.signal and a primary_conninfo; this one (the last line wins) names the standby, which is how
        // the primary recognises it in synchronous_standby_names.
        var autoConf = Path.Combine(StandbyData, "postgresql.auto.conf");
        await File.AppendAllTextAsync(autoConf, string.Create(CultureInfo.InvariantCulture,
            $"\nprimary_conninfo = 'host=127.0.0.1 port={PrimaryPort} user=postgres application_name={StandbyName}'\n"));
        Start(StandbyData, StandbyLog, string.Create(CultureInfo.InvariantCulture,
            $"-p {StandbyPort} -k {_rootDirectory} -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=100"));
        await WaitForSynchronousStandbyAsync();
    }

    private void Start(string data, string log, string options) =>
        // -l sends the server's output to a file: otherwise the server inherits our pipes and reads never end.
        PostgresProcesses.Run(PgTool("pg_ctl"), ["-D", data, "-l", log, "-o", options, "-t", "60", "-w", "start"], TimeSpan.FromSeconds(90), _rootDirectory, log);

    private async Task WaitForSynchronousStandbyAsync()
    {
        await using var connection = new NpgsqlConnection(DirectConnectionString(PrimaryPort, "postgres"));
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using var command = new NpgsqlCommand("SELECT sync_state FROM pg_stat_replication WHERE application_name = @name", connection);
            command.Parameters.AddWithValue("name", StandbyName);
            if (await command.ExecuteScalarAsync() is "sync")
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The standby never became the primary's synchronous standby within 30 s; see " + StandbyLog);
    }

    private static string PgTool(string name) => Path.Combine(PostgresServer.BinDirectory, name);
}
