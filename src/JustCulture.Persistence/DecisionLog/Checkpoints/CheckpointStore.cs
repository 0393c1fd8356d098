using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// The directory of signed checkpoints kept outside the database (docs/log-format.md §2.1): one file per
/// checkpointed size, <c>checkpoint-&lt;size, 12 digits&gt;.txt</c>. Files are written whole under a temporary name
/// and moved into place, so a reader never sees half a note. A file is only ever replaced by the same checkpoint
/// carrying more signatures (a witness's cosignature added), never by one with fewer or different ones.
/// </summary>
public sealed partial class CheckpointStore
{
    // Serialises check-then-replace within this process; the server is the one writer of its store.
    private static readonly Lock WriteLock = new();

    public CheckpointStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static string FileNameFor(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return string.Create(CultureInfo.InvariantCulture, $"checkpoint-{size:D12}.txt");
    }

    public string PathFor(long size) => Path.Combine(Directory, FileNameFor(size));

    /// <summary>
    /// Stores <paramref name="signedNote"/> as the checkpoint for <paramref name="checkpoint"/>'s size.
    /// </summary>
    /// <exception cref="ArgumentException">when the note's text is not <paramref name="checkpoint"/>.</exception>
    /// <exception cref="InvalidOperationException">when a checkpoint for that size exists and the new note does not
    /// carry all its signature lines and more.</exception>
    public StoredCheckpoint Write(string signedNote, Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(signedNote);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var note = SignedNote.Parse(signedNote, "the checkpoint to store");
        if (note.Text != checkpoint.Text)
        {
            throw new ArgumentException("The signed note's text is not this checkpoint.", nameof(signedNote));
        }

        var path = PathFor(checkpoint.Size);
        lock (WriteLock)
        {
            var replacing = File.Exists(path);
            if (replacing)
            {
                RefuseUnlessAddingSignatures(Read(path), note, checkpoint.Size);
            }

            var temporary = Path.Combine(Directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(Encoding.UTF8.GetBytes(note.Format()));
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: replacing);
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        return new StoredCheckpoint(path, note.Format(), note, checkpoint);
    }

    /// <summary>Every checkpoint file, smallest size first. Files not named like a checkpoint are ignored.</summary>
    /// <exception cref="CheckpointFormatException">naming the first malformed file.</exception>
    public IReadOnlyList<StoredCheckpoint> ReadAll() => ReadAfter(-1);

    /// <summary>The checkpoint files for sizes above <paramref name="size"/>, smallest first (an incremental verification's new ones).</summary>
    /// <exception cref="CheckpointFormatException">naming the first malformed file.</exception>
    public IReadOnlyList<StoredCheckpoint> ReadAfter(long size) => CheckpointFiles().Where(f => f.Size > size).Select(f => Read(f.Path)).ToList();

    /// <summary>The checkpoint with the largest size, or null when the store is empty.</summary>
    /// <exception cref="CheckpointFormatException">when that file is malformed.</exception>
    public StoredCheckpoint? Newest() => CheckpointFiles().LastOrDefault() is { Path: { } path } ? Read(path) : null;

    private List<(long Size, string Path)> CheckpointFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "checkpoint-*.txt")
            .Select(path => (Name: Path.GetFileName(path), Path: path))
            .Select(f => (Match: CheckpointFileName().Match(f.Name), f.Name, f.Path))
            .Where(f => f.Match.Success
                && long.TryParse(f.Match.Groups["size"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                && FileNameFor(size) == f.Name)
            .Select(f => (Size: long.Parse(f.Match.Groups["size"].ValueSpan, CultureInfo.InvariantCulture), f.Path))
            .OrderBy(f => f.Size)
            .ToList();

    private static StoredCheckpoint Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var note = SignedNote.Parse(bytes, path);
        var checkpoint = Checkpoint.ParseText(note.Text, path);
        if (FileNameFor(checkpoint.Size) != Path.GetFileName(path))
        {
            throw new CheckpointFormatException(path, $"the checkpoint's tree size is {checkpoint.Size}, but the file name says otherwise");
        }

        return new StoredCheckpoint(path, note.Format(), note, checkpoint);
    }

    private static void RefuseUnlessAddingSignatures(StoredCheckpoint existing, SignedNote replacement, long size)
    {
        var prefix = $"A checkpoint for size {size} already exists ({existing.FilePath})";
        if (existing.Note.Text != replacement.Text)
        {
            throw new InvalidOperationException($"{prefix} with a different root or time; it is never replaced.");
        }

        var old = existing.Note.Signatures.ToHashSet();
        var added = replacement.Signatures.ToHashSet();
        if (!old.IsSubsetOf(added))
        {
            throw new InvalidOperationException($"{prefix}; the new note drops some of its signature lines, and signatures are never removed.");
        }

        if (added.Count == old.Count)
        {
            throw new InvalidOperationException($"{prefix} with the same signatures; the new note adds none.");
        }
    }

    [GeneratedRegex(@"^checkpoint-(?<size>[0-9]{12,19})\.txt$", RegexOptions.CultureInvariant)]
    private static partial Regex CheckpointFileName();
}
