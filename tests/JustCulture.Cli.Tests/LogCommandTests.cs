using System.Globalization;
using System.Text.Json;
using JustCulture.TestSupport;
using Microsoft.Data.Sqlite;

namespace JustCulture.Cli.Tests;

public sealed class LogCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();
    private Guid _concernId;

    public async Task InitializeAsync()
    {
        await _cli.SeedSmallTrustAsync();
        _concernId = await _cli.OpenConcernAsync();
        await _cli.AnswerChecklistAsync(_concernId, ["No", "No"]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_cli.SqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<long> LogCountAsync() => (long)(await ScalarAsync("SELECT count(*) FROM decision_log"))!;

    [Fact]
    public async Task ReportsIntactWithEntryCountGivenUntouchedLog()
    {
        var count = await LogCountAsync();

        var result = await _cli.RunAsync("log", "verify");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"Log intact: {count} entries, last entry {count}"));
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailsNamingTheEntryGivenAnswerChangedInTheFile()
    {
        (await _cli.RunAsync("log", "verify")).ExitCode.ShouldBe(ExitCodes.Ok);
        var sequence = (long)(await ScalarAsync(
            $"SELECT min(sequence) FROM decision_log WHERE event_type = 'QuestionAnswered' AND concern_id IS NOT NULL AND answer = 'No'"))!;
        await using (var connection = new SqliteConnection(_cli.SqliteConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TRIGGER decision_log_no_update; UPDATE decision_log SET answer = 'Yes' WHERE sequence = $sequence;";
            command.Parameters.AddWithValue("$sequence", sequence);
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        var result = await _cli.RunAsync("log", "verify");

        result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
        result.Stderr.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"first bad entry {sequence}:"));
        result.Stderr.ShouldContain("LOG TAMPERED");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesUpdateGivenTriggerInPlace()
    {
        var attempt = Should.ThrowAsync<SqliteException>(() => ScalarAsync("UPDATE decision_log SET answer = 'Yes' WHERE sequence = 1"));

        (await attempt).Message.ShouldContain("append-only", Case.Insensitive);
        (await _cli.RunAsync("log", "verify")).ExitCode.ShouldBe(ExitCodes.Ok);
    }

    [Fact]
    public async Task WritesOneJsonObjectPerEntryGivenOutFile()
    {
        var file = _cli.PathFor("log.jsonl");
        var count = await LogCountAsync();

        var result = await _cli.RunAsync("log", "export", "--out", file);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"Exported {count} entries to {file}."));
        File.Exists(file + ".partial").ShouldBeFalse();
        var lines = await File.ReadAllLinesAsync(file);
        lines.Length.ShouldBe((int)count);
        var sequences = new List<long>();
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            entry.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
            sequences.Add(entry.RootElement.GetProperty("sequence").GetInt64());
            entry.RootElement.GetProperty("hash").GetString()!.Length.ShouldBe(64);
        }

        sequences.ShouldBe(Enumerable.Range(1, (int)count).Select(i => (long)i));
    }

    [Fact]
    public async Task WritesEntriesToStdoutGivenNoOutFile()
    {
        var count = await LogCountAsync();

        var stdout = await _cli.RunOkAsync("log", "export");

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe((int)count);
        lines.ShouldAllBe(l => l.StartsWith('{') && l.EndsWith('}'));
        lines.ShouldContain(l => l.Contains(_concernId.ToString(), StringComparison.Ordinal));
    }
}
