using System.Text.Json.Nodes;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// An export is checked offline by the same chain code as the live table: what round-trips verifies, an
/// edited line is named, a malformed line is reported with its number.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class DecisionLogExportTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task VerifiesWithIdenticalHashesGivenExportReadBack(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        var stored = await LogEntries.ReadAllAsync(database);
        var head = await LogEntries.ReadHeadAsync(database);

        var lines = await ExportAsync(database);
        var exported = await ReadAsync(string.Join('\n', lines));

        lines.Length.ShouldBe(10);
        exported.Select(e => e.Hash).ShouldBe(stored.Select(e => e.Hash));
        exported.Select(DecisionLogChain.ComputeHash).ShouldBe(stored.Select(e => e.Hash));
        exported[2].Rationale.ShouldBe(stored[2].Rationale);
        exported[2].ConcernId.ShouldBe(LogEntries.ConcernId);
        exported[2].OccurredAtUtc.ShouldBe(stored[2].OccurredAtUtc);
        exported[2].OccurredAtUtc.Kind.ShouldBe(DateTimeKind.Utc);
        var result = DecisionLogChain.Verify(exported, (head.LastSequence, head.LastHash));
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.HeadHash.ShouldBe(head.LastHash);
        DecisionLogChain.Verify(exported, expectedHead: null).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesEditedEntryGivenExportLineChanged(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        var lines = await ExportAsync(database);
        var line = JsonNode.Parse(lines[5])!.AsObject();
        line["sequence"]!.GetValue<long>().ShouldBe(6);
        line["answer"] = "No, on reflection";
        lines[5] = line.ToJsonString();

        var result = DecisionLogChain.Verify(await ReadAsync(string.Join('\n', lines)), expectedHead: null);

        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(6);
        result.Problem.ShouldNotBeNull().ShouldContain("entry 6 was changed");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesMissingEntryGivenExportLineRemoved(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        var lines = (await ExportAsync(database)).ToList();
        lines.RemoveAt(3);

        var result = DecisionLogChain.Verify(await ReadAsync(string.Join('\n', lines)), expectedHead: null);

        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(4);
    }

    [Theory]
    [InlineData("{\"sequence\": 3, \"eventType\": ", 3)]
    [InlineData("not json at all", 3)]
    [InlineData("{\"sequence\": \"three\"}", 3)]
    [InlineData("null", 3)]
    public async Task ThrowsFormatExceptionNamingLineGivenMalformedLine(string malformed, int expectedLine)
    {
        var good = JsonNode.Parse("""{"sequence":1,"eventType":"QuestionAnswered","actorId":"a","actorRole":"Manager","occurredAtUtc":"2025-06-02T09:00:00Z","previousHash":"","hash":""}""")!.ToJsonString();
        // A blank line still counts: line numbers are what an editor shows.
        var text = string.Join('\n', good, string.Empty, malformed, good);

        var error = await Should.ThrowAsync<FormatException>(() => ReadAsync(text));

        error.Message.ShouldStartWith($"log.jsonl line {expectedLine}:");
    }

    private static async Task<ProviderDatabase> CreateLogAsync(TestProvider provider)
    {
        var database = await ProviderDatabase.CreateMigratedAsync(provider, "export");
        await LogEntries.AppendTenAsync(database);
        return database;
    }

    private static async Task<string[]> ExportAsync(ProviderDatabase database)
    {
        await using var db = database.CreateContext();
        await using var writer = new StringWriter();
        var count = await DecisionLogStore.ExportAsync(db, writer);
        var lines = writer.ToString().Split(writer.NewLine, StringSplitOptions.RemoveEmptyEntries);
        count.ShouldBe(lines.Length);
        return lines;
    }

    private static async Task<List<DecisionLogEntry>> ReadAsync(string text)
    {
        using var reader = new StringReader(text);
        var entries = new List<DecisionLogEntry>();
        await foreach (var entry in DecisionLogStore.ReadExportAsync(reader, "log.jsonl"))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
