using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>Reads the integrated log, and writes and reads exports (docs/log-format.md §4).</summary>
public static class DecisionLogStore
{
    public const string ExportFormat = "justculture-log-export/2";

    public static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
        // Files for auditors and their tools, never HTML: keep '+' in base64 and names readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The entries a checkpoint of <paramref name="treeSize"/> covers, in sequence order.</summary>
    public static IQueryable<SequencedEntry> Integrated(JustCultureDbContext db, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from l in db.DecisionLogLeaves.AsNoTracking()
               join e in db.DecisionLog.AsNoTracking() on l.EntryId equals e.EntryId
               where l.Sequence <= treeSize
               orderby l.Sequence
               select new SequencedEntry { Sequence = l.Sequence, Entry = e };
    }

    /// <summary>Writes the header (with the checkpoint) and every entry it covers, one JSON object per line.</summary>
    public static async Task<long> ExportAsync(JustCultureDbContext db, StoredCheckpoint checkpoint, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(JsonSerializer.Serialize(new ExportHeader(ExportFormat, checkpoint.Checkpoint.Size, checkpoint.NoteText), ExportJson));
        long count = 0;
        await foreach (var row in Integrated(db, checkpoint.Checkpoint.Size).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(ExportedEntry.From(row), ExportJson));
            count++;
        }

        return count;
    }

    /// <summary>
    /// Reads an export and checks it against its own signed checkpoint and any the reader kept
    /// (<paramref name="kept"/>): a cut, reordered, edited, rolled-back or rewritten export is refused with
    /// <see cref="LogIntegrityException"/>; a malformed one with <see cref="FormatException"/> naming the line.
    /// </summary>
    public static async Task<VerifiedExport> ReadVerifiedExportAsync(TextReader reader, string sourceName, CheckpointVerifier verifier,
        IReadOnlyList<StoredCheckpoint>? kept = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(verifier);
        var lineNumber = 0;
        ExportHeader? header = null;
        var entries = new List<DecisionLogEntry>();
        var frontier = new Merkle.MerkleFrontier();
        var keptBySize = (kept ?? []).OrderBy(k => k.Checkpoint.Size).ToList();
        var nextKept = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (header is null)
            {
                header = Parse<ExportHeader>(line, sourceName, lineNumber, "an export header");
                if (header.Format != ExportFormat || header.Checkpoint is null)
                {
                    throw new FormatException($"{sourceName} line {lineNumber}: not a decision-log export of format {ExportFormat} (format '{header.Format}')");
                }

                continue;
            }

            var exported = Parse<ExportedEntry>(line, sourceName, lineNumber, "a decision-log entry");
            var entry = exported.ToEntry(sourceName, lineNumber);
            if (exported.Sequence != frontier.Size + 1)
            {
                throw new LogIntegrityException($"{sourceName} line {lineNumber}: entry {exported.Sequence} follows entry {frontier.Size}: entries are missing, repeated or out of order", exported.Sequence);
            }

            frontier.Append(LeafEncoding.LeafHash(entry));
            entries.Add(entry);
            while (nextKept < keptBySize.Count && keptBySize[nextKept].Checkpoint.Size == frontier.Size)
            {
                if (!frontier.Root().AsSpan().SequenceEqual(keptBySize[nextKept].Checkpoint.Root))
                {
                    throw new LogIntegrityException($"{sourceName} diverges from the checkpoint you kept, {keptBySize[nextKept].FilePath} (size {frontier.Size}): entries up to {frontier.Size} were rewritten", null);
                }

                nextKept++;
            }
        }

        if (header is null)
        {
            throw new FormatException($"{sourceName}: empty; a decision-log export starts with a header line");
        }

        var signed = verifier.Verify(header.Checkpoint!, $"{sourceName} line 1 (its checkpoint)");
        if (!signed.IsAccepted)
        {
            throw new LogIntegrityException($"{sourceName}: its checkpoint {signed.Problem}", null);
        }

        var checkpoint = signed.Checkpoint!;
        if (frontier.Size != checkpoint.Size)
        {
            throw new LogIntegrityException(frontier.Size < checkpoint.Size
                ? $"{sourceName} holds {frontier.Size} entries but its signed checkpoint covers {checkpoint.Size}: the export was cut"
                : $"{sourceName} holds {frontier.Size} entries but its signed checkpoint covers {checkpoint.Size}: entries were added to the export",
                // The first entry missing from a cut export, or the first one added beyond the checkpoint.
                Math.Min(frontier.Size, checkpoint.Size) + 1);
        }

        if (!frontier.Root().AsSpan().SequenceEqual(checkpoint.Root))
        {
            throw new LogIntegrityException($"{sourceName}: its entries do not give the root its checkpoint signed: the export was rewritten", null);
        }

        if (nextKept < keptBySize.Count)
        {
            var newer = keptBySize[^1];
            throw new LogIntegrityException($"{sourceName} holds {frontier.Size} entries but the checkpoint you kept, {newer.FilePath}, covers {newer.Checkpoint.Size}: the export is from a rolled-back or cut log", frontier.Size + 1);
        }

        return new VerifiedExport(entries, checkpoint);
    }

    private static T Parse<T>(string line, string sourceName, int lineNumber, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, ExportJson) ?? throw new FormatException($"{sourceName} line {lineNumber}: empty {what}");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{sourceName} line {lineNumber}: not {what} ({ex.Message})", ex);
        }
    }
}

/// <summary>An entry with its place in the tree (settable, so queries can filter on it after the join).</summary>
public sealed class SequencedEntry
{
    public long Sequence { get; init; }

    public DecisionLogEntry Entry { get; init; } = null!;
}

/// <summary>An export's entries, checked against its signed checkpoint.</summary>
public sealed record VerifiedExport(IReadOnlyList<DecisionLogEntry> Entries, Checkpoint Checkpoint);

/// <summary>Refused because the log or an export does not verify (exit code 1 in the CLI, never "bad input").</summary>
public sealed class LogIntegrityException(string message, long? firstBadSequence) : Exception(message)
{
    public long? FirstBadSequence { get; } = firstBadSequence;
}

internal sealed record ExportHeader(string Format, long TreeSize, string? Checkpoint);

/// <summary>One export line (docs/log-format.md §4); the time is in its leaf-data text form, so no reader can round it.</summary>
public sealed record ExportedEntry(
    long Sequence,
    long EntryId,
    string EventType,
    Guid? ConcernId,
    Guid? WorkflowInstanceId,
    string? SubjectStaffRef,
    string? DefinitionId,
    int? DefinitionVersion,
    string? ActivityId,
    string? Question,
    string? Answer,
    string? Rationale,
    string? InformalNotAppropriate,
    string ActorId,
    string ActorRole,
    string OccurredAtUtc)
{
    public static ExportedEntry From(SequencedEntry row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var e = row.Entry;
        return new(row.Sequence, e.EntryId, e.EventType, e.ConcernId, e.WorkflowInstanceId, e.SubjectStaffRef, e.DefinitionId, e.DefinitionVersion,
            e.ActivityId, e.Question, e.Answer, e.Rationale, e.InformalNotAppropriate, e.ActorId, e.ActorRole, LeafEncoding.FormatTimestamp(e.OccurredAtUtc));
    }

    public DecisionLogEntry ToEntry(string sourceName, int lineNumber)
    {
        if (!DateTime.TryParseExact(OccurredAtUtc, LeafEncoding.TimestampFormat, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var occurred))
        {
            throw new FormatException($"{sourceName} line {lineNumber}, field occurredAtUtc: '{OccurredAtUtc}' is not a time in the form yyyy-MM-ddTHH:mm:ss.ffffffZ");
        }

        if (EventType is null || ActorId is null || ActorRole is null)
        {
            throw new FormatException($"{sourceName} line {lineNumber}: eventType, actorId and actorRole are required");
        }

        return new DecisionLogEntry
        {
            EntryId = EntryId,
            EventType = EventType,
            ConcernId = ConcernId,
            WorkflowInstanceId = WorkflowInstanceId,
            SubjectStaffRef = SubjectStaffRef,
            DefinitionId = DefinitionId,
            DefinitionVersion = DefinitionVersion,
            ActivityId = ActivityId,
            Question = Question,
            Answer = Answer,
            Rationale = Rationale,
            InformalNotAppropriate = InformalNotAppropriate,
            ActorId = ActorId,
            ActorRole = ActorRole,
            OccurredAtUtc = DateTime.SpecifyKind(occurred, DateTimeKind.Utc),
        };
    }
}
