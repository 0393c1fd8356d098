using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>Reads the integrated log, and writes and reads exports (docs/log-format.md §4).</summary>
public static class DecisionLogStore
{
    /// <summary>Entries of either leaf version, with their personal fields opened beside the stored ones.</summary>
    public const string ExportFormat = "justculture-log-export/3";

    /// <summary>The format before personal fields were sealed (every entry leaf version 1); still read.</summary>
    public const string ExportFormatClearFields = "justculture-log-export/2";

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

    /// <summary>
    /// Writes the header (with the checkpoint) and every entry it covers, one JSON object per line, each with its
    /// personal fields opened (null where the case's key was erased). An export is for those who may read the
    /// cases; the opened text is beside the hashed entry, not part of it.
    /// </summary>
    public static async Task<long> ExportAsync(JustCultureDbContext db, StoredCheckpoint checkpoint, CaseDataProtector protector, TextWriter writer,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(writer);
        var size = checkpoint.Checkpoint.Size;
        // One key row per case: small next to the entries, so every case's key is loaded once up front.
        var cases = await Integrated(db, size).Where(r => r.Entry.ConcernId != null).Select(r => r.Entry.ConcernId!.Value).Distinct().ToListAsync(cancellationToken);
        var keyring = await protector.KeyringAsync(db, cases, cancellationToken);
        await writer.WriteLineAsync(JsonSerializer.Serialize(new ExportHeader(ExportFormat, size, checkpoint.NoteText), ExportJson));
        long count = 0;
        await foreach (var row in Integrated(db, size).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(ExportedEntry.From(row, keyring), ExportJson));
            count++;
        }

        return count;
    }

    /// <summary>
    /// Reads an export (format /3, or /2 from before personal fields were sealed) and checks it against its own
    /// signed checkpoint and any the reader kept (<paramref name="kept"/>): a cut, reordered, edited, rolled-back or
    /// rewritten export is refused with <see cref="LogIntegrityException"/>; a malformed one with
    /// <see cref="FormatException"/> naming the line. The opened personal fields are not covered by the checkpoint
    /// (they cannot be: erasing a key must not change the tree), so they are checked only where they repeat clear
    /// fields; <see cref="VerifiedExport.Exported"/> carries them, never null (erased cases open as Erased).
    /// </summary>
    public static async Task<VerifiedExport> ReadVerifiedExportAsync(TextReader reader, string sourceName, CheckpointVerifier verifier,
        IReadOnlyList<StoredCheckpoint>? kept = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(verifier);
        var lineNumber = 0;
        ExportHeader? header = null;
        var entries = new List<DecisionLogEntry>();
        var exportedEntries = new List<ExportedEntry>();
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
                if (header.Format is not (ExportFormat or ExportFormatClearFields) || header.Checkpoint is null)
                {
                    throw new FormatException($"{sourceName} line {lineNumber}: not a decision-log export of format {ExportFormat} or {ExportFormatClearFields} (format '{header.Format}')");
                }

                continue;
            }

            var exported = Parse<ExportedEntry>(line, sourceName, lineNumber, "a decision-log entry");
            var entry = exported.ToEntry(sourceName, lineNumber, leafVersionGiven: header.Format == ExportFormat);
            exported = exported with { Opened = exported.CheckedOpened(entry, sourceName, lineNumber) };
            if (exported.Sequence != frontier.Size + 1)
            {
                throw new LogIntegrityException($"{sourceName} line {lineNumber}: entry {exported.Sequence} follows entry {frontier.Size}: entries are missing, repeated or out of order", exported.Sequence);
            }

            frontier.Append(LeafEncoding.LeafHash(entry));
            entries.Add(entry);
            exportedEntries.Add(exported);
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

        return new VerifiedExport(entries, checkpoint, exportedEntries);
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
/// <param name="Entries">The entries as stored (personal fields of version 2 case entries sealed), in sequence order.</param>
/// <param name="Exported">The same entries as exported, in the same order, each with <see cref="ExportedEntry.Opened"/> set.</param>
public sealed record VerifiedExport(IReadOnlyList<DecisionLogEntry> Entries, Checkpoint Checkpoint, IReadOnlyList<ExportedEntry> Exported);

/// <summary>Refused because the log or an export does not verify (exit code 1 in the CLI, never "bad input").</summary>
public sealed class LogIntegrityException(string message, long? firstBadSequence) : Exception(message)
{
    public long? FirstBadSequence { get; } = firstBadSequence;
}

internal sealed record ExportHeader(string Format, long TreeSize, string? Checkpoint);

/// <summary>
/// One export line (docs/log-format.md §4); the time is in its leaf-data text form, so no reader can round it. The
/// personal fields are in their stored (hashed) form; <see cref="Opened"/> is their plaintext beside them, not
/// hashed: null on the wire once the case's key is erased.
/// </summary>
/// <param name="LeafVersion">1 or 2; absent (null) in the formats from before sealing, where every entry is version 1.</param>
public sealed record ExportedEntry(
    long Sequence,
    long EntryId,
    int? LeafVersion,
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
    string OccurredAtUtc,
    [property: JsonConverter(typeof(OpenedFieldsJson))] OpenedFields? Opened)
{
    /// <param name="keyring">Holds the key of the entry's case; null to leave <see cref="Opened"/> out (null).</param>
    public static ExportedEntry From(SequencedEntry row, CaseDataKeyring? keyring)
    {
        ArgumentNullException.ThrowIfNull(row);
        var e = row.Entry;
        return new(row.Sequence, e.EntryId, e.LeafVersion, e.EventType, e.ConcernId, e.WorkflowInstanceId, e.SubjectStaffRef, e.DefinitionId, e.DefinitionVersion,
            e.ActivityId, e.Question, e.Answer, e.Rationale, e.InformalNotAppropriate, e.ActorId, e.ActorRole, LeafEncoding.FormatTimestamp(e.OccurredAtUtc),
            keyring?.Open(e));
    }

    /// <param name="leafVersionGiven">Whether the format carries <see cref="LeafVersion"/> (export /3, proof /2); older
    /// formats have only version 1 entries and no such key.</param>
    public DecisionLogEntry ToEntry(string sourceName, int lineNumber, bool leafVersionGiven)
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

        var version = LeafVersion ?? (leafVersionGiven ? 0 : LeafEncoding.ClearFieldsVersion);
        if (leafVersionGiven ? !LeafEncoding.IsKnownVersion(version) : version != LeafEncoding.ClearFieldsVersion)
        {
            throw new FormatException(leafVersionGiven
                ? $"{sourceName} line {lineNumber}, field leafVersion: '{LeafVersion}' is not a leaf version (1 or 2)"
                : $"{sourceName} line {lineNumber}, field leafVersion: this format holds only version 1 entries");
        }

        return new DecisionLogEntry
        {
            EntryId = EntryId,
            LeafVersion = version,
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

    /// <summary>
    /// What the line's personal fields open to, never null: an entry with nothing sealed opens to its clear fields (and
    /// an <c>opened</c> that says otherwise was edited); a sealed one to what the line says, or Erased when it says null.
    /// </summary>
    internal OpenedFields CheckedOpened(DecisionLogEntry entry, string sourceName, int lineNumber)
    {
        if (!CaseFieldCipher.HoldsSealedFields(entry))
        {
            var clear = OpenedFields.Clear(entry);
            if (Opened is not null && Opened != clear)
            {
                throw new LogIntegrityException($"{sourceName} line {lineNumber}: entry {Sequence}'s opened fields differ from its clear ones: the export was edited", Sequence);
            }

            return clear;
        }

        return Opened ?? OpenedFields.ErasedFields;
    }
}

/// <summary>
/// <c>opened</c> on the wire: <c>{"subjectStaffRef", "rationale", "informalNotAppropriate"}</c>, or null once the
/// case's key is erased.
/// </summary>
internal sealed class OpenedFieldsJson : JsonConverter<OpenedFields>
{
    private sealed record Wire(string? SubjectStaffRef, string? Rationale, string? InformalNotAppropriate);

    public override OpenedFields? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var wire = JsonSerializer.Deserialize<Wire>(ref reader, options);
        return wire is null ? null : new OpenedFields(wire.SubjectStaffRef, wire.Rationale, wire.InformalNotAppropriate, Erased: false);
    }

    public override void Write(Utf8JsonWriter writer, OpenedFields value, JsonSerializerOptions options)
    {
        if (value.Erased)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, new Wire(value.SubjectStaffRef, value.Rationale, value.InformalNotAppropriate), options);
    }
}
