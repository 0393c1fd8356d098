using System.Globalization;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.TestSupport;
using Microsoft.Data.Sqlite;

namespace JustCulture.Cli.Tests;

/// <summary>
/// A CLI session with a small decision log (the small trust, one concern with its checklist answered) and what
/// the log tests do to it: read and edit the SQLite file with the owner's rights, and check what the CLI wrote.
/// </summary>
public sealed class LogSession(CliSession cli) : IDisposable
{
    /// <summary>The year the small trust's staff file is imported for.</summary>
    public const string StaffYear = "2024-25";

    public LogSession()
        : this(new CliSession())
    {
    }

    public CliSession Cli { get; } = cli;

    public Guid ConcernId { get; private set; }

    /// <summary>The staff file the seed imported, which an offline report needs beside the export.</summary>
    public string StaffFile => Cli.PathFor("small-trust.csv");

    public async Task SeedAsync()
    {
        await Cli.SeedSmallTrustAsync();
        ConcernId = await Cli.OpenConcernAsync();
        await Cli.AnswerChecklistAsync(ConcernId, ["No", "No"]);
    }

    /// <summary>The log's key and origin, as an auditor given the public key checks with.</summary>
    public CheckpointVerifier Verifier(IReadOnlyDictionary<string, LogPublicKey>? witnesses = null) =>
        new(LogPublicKey.Load(Cli.PublicKeyPath), DecisionLogSettings.DefaultOrigin, witnesses ?? new Dictionary<string, LogPublicKey>());

    public async Task<int> EntryCountAsync() => (int)(long)(await ScalarAsync("SELECT count(*) FROM decision_log_leaves"))!;

    /// <summary>The first entry (in log order) that recorded this answer: its id and its sequence.</summary>
    public async Task<(long EntryId, long Sequence)> FirstAnswerAsync(string answer)
    {
        var sequence = (long)(await ScalarAsync(
            $"SELECT min(l.sequence) FROM decision_log_leaves l JOIN decision_log e ON e.entry_id = l.entry_id WHERE e.event_type = 'QuestionAnswered' AND e.answer = '{answer}'"))!;
        var entryId = (long)(await ScalarAsync(string.Create(CultureInfo.InvariantCulture, $"SELECT entry_id FROM decision_log_leaves WHERE sequence = {sequence}")))!;
        return (entryId, sequence);
    }

    /// <summary>
    /// What an insider with the database owner's rights can do and the triggers cannot stop: drop the triggers and
    /// remove the newest entries, their leaves and the tree heads that covered them, leaving a consistent shorter log.
    /// </summary>
    public async Task DeleteTailAsync(int entries)
    {
        var keep = await EntryCountAsync() - entries;
        await ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            DROP TRIGGER decision_log_no_delete; DROP TRIGGER decision_log_leaves_no_delete; DROP TRIGGER decision_log_tree_heads_no_delete;
            CREATE TEMP TABLE cut AS SELECT entry_id FROM decision_log_leaves WHERE sequence > {keep};
            DELETE FROM decision_log_queue WHERE entry_id IN (SELECT entry_id FROM cut);
            DELETE FROM decision_log_leaves WHERE sequence > {keep};
            DELETE FROM decision_log WHERE entry_id IN (SELECT entry_id FROM cut);
            DELETE FROM decision_log_tree_heads WHERE tree_size > {keep};
            """));
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(Cli.SqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(Cli.SqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Bad input: exit 2, an error naming what was wrong (a file, an option), and no stack trace.</summary>
    public static void ShouldBeBadInput(CliResult result, string named)
    {
        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldStartWith("error: ", customMessage: result.ToString());
        result.Stderr.ShouldContain(named, customMessage: result.ToString());
        result.Stderr.ShouldNotContain("   at ", customMessage: result.ToString());
        result.Stderr.ShouldNotContain("unexpected", customMessage: result.ToString());
    }

    public void Dispose() => Cli.Dispose();
}
