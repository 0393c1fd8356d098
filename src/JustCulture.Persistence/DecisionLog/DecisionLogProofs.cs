using System.Text.Json;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.PersonalData;
using JustCulture.Persistence.DecisionLog.Merkle;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// RFC 9162 proofs cut from the tree (docs/log-format.md §3): that one entry is in a signed checkpoint — which a
/// staff member or a tribunal can check with the public key alone, without the rest of the log — and that the
/// log only grew between two sizes.
/// </summary>
public static class DecisionLogProofs
{
    /// <summary>The entry as an export /3 line: leaf version, stored fields, and the opened personal fields beside them.</summary>
    public const string InclusionFormat = "justculture-inclusion-proof/2";

    /// <summary>The format before personal fields were sealed (entry always leaf version 1); still checked.</summary>
    public const string InclusionFormatClearFields = "justculture-inclusion-proof/1";
    public const string ConsistencyFormat = "justculture-consistency-proof/1";

    /// <summary>The proof carries the entry with its personal fields opened (for an administrator to hand to the person it
    /// is about); <see cref="InclusionProof.WithEntryWithheld"/> makes the auditor's.</summary>
    public static async Task<InclusionProof> InclusionAsync(JustCultureDbContext db, StoredCheckpoint checkpoint, CaseDataProtector protector, long sequence,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var size = checkpoint.Checkpoint.Size;
        if (sequence < 1 || sequence > size)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, $"There is no entry {sequence} in the checkpoint of {size} entries.");
        }

        return (await InclusionAsync(db, checkpoint, protector, [sequence], cancellationToken)).Single();
    }

    /// <summary>Proofs for several entries against one checkpoint, reading the tree once.</summary>
    public static async Task<IReadOnlyList<InclusionProof>> InclusionAsync(JustCultureDbContext db, StoredCheckpoint checkpoint, CaseDataProtector protector,
        IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(sequences);
        var size = checkpoint.Checkpoint.Size;
        var rows = await DecisionLogStore.Integrated(db, size).Where(r => sequences.Contains(r.Sequence)).ToListAsync(cancellationToken);
        var keyring = await protector.KeyringAsync(db, rows.Where(r => r.Entry.ConcernId != null).Select(r => r.Entry.ConcernId!.Value), cancellationToken);
        var leaves = await LeafHashesAsync(db, size, cancellationToken);
        return rows.Select(row => new InclusionProof(InclusionFormat, row.Sequence, row.Sequence - 1, size, ExportedEntry.From(row, keyring),
                Convert.ToBase64String(leaves[(int)(row.Sequence - 1)]),
                MerkleTree.InclusionProof(leaves, row.Sequence - 1, size).Select(Convert.ToBase64String).ToList(), checkpoint.NoteText))
            .ToList();
    }

    public static async Task<ConsistencyProof> ConsistencyAsync(JustCultureDbContext db, long oldSize, long newSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var leaves = await LeafHashesAsync(db, newSize, cancellationToken);
        if (oldSize < 1 || oldSize > newSize || newSize > leaves.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"A consistency proof needs 1 ≤ old ≤ new ≤ {leaves.Count} (the log's size); got {oldSize} and {newSize}.");
        }

        var path = MerkleTree.ConsistencyProof(leaves, oldSize, newSize);
        return new ConsistencyProof(ConsistencyFormat, oldSize, Convert.ToBase64String(MerkleTree.Root(leaves, oldSize)),
            newSize, Convert.ToBase64String(MerkleTree.Root(leaves, newSize)), path.Select(Convert.ToBase64String).ToList());
    }

    /// <summary>Checks an inclusion proof as a recipient would: the checkpoint's signature, the entry's leaf hash, the path.</summary>
    public static string? Check(InclusionProof proof, CheckpointVerifier verifier, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(verifier);
        if (proof.Format is not (InclusionFormat or InclusionFormatClearFields))
        {
            return $"it is not an inclusion proof of format {InclusionFormat} or {InclusionFormatClearFields} (format '{proof.Format}')";
        }

        var signed = verifier.Verify(proof.Checkpoint, $"{sourceName} (its checkpoint)");
        if (!signed.IsAccepted)
        {
            return $"its checkpoint {signed.Problem}";
        }

        byte[] leafHash;
        if (proof.Entry is { } entry)
        {
            // The opened fields are not hashed: the leaf hash is over the stored entry, so the proof holds after erasure.
            try
            {
                leafHash = LeafEncoding.LeafHash(entry.ToEntry(sourceName, 0, leafVersionGiven: proof.Format == InclusionFormat));
            }
            catch (FormatException ex)
            {
                return $"its entry is malformed ({ex.Message})";
            }

            if (!Convert.ToBase64String(leafHash).Equals(proof.LeafHash, StringComparison.Ordinal))
            {
                return "the entry does not give the leaf hash the proof names: the entry was changed";
            }
        }
        else
        {
            try
            {
                leafHash = Convert.FromBase64String(proof.LeafHash);
            }
            catch (FormatException)
            {
                return "its leaf hash is not base64";
            }
        }

        List<byte[]> path;
        try
        {
            path = proof.Path.Select(Convert.FromBase64String).ToList();
        }
        catch (FormatException)
        {
            return "its path is not base64";
        }

        var checkpoint = signed.Checkpoint!;
        return proof.TreeSize == checkpoint.Size && MerkleProofs.VerifyInclusion(leafHash, proof.LeafIndex, proof.TreeSize, path, checkpoint.Root)
            ? null
            : "the path does not lead from the entry to the checkpoint's root";
    }

    private static async Task<IReadOnlyList<byte[]>> LeafHashesAsync(JustCultureDbContext db, long size, CancellationToken cancellationToken)
    {
        var hashes = await db.DecisionLogLeaves.AsNoTracking().Where(l => l.Sequence <= size).OrderBy(l => l.Sequence).Select(l => l.LeafHash).ToListAsync(cancellationToken);
        return hashes.Select(Convert.FromHexString).ToList();
    }

    public static string ToJson<T>(T proof) => JsonSerializer.Serialize(proof, new JsonSerializerOptions(DecisionLogStore.ExportJson) { WriteIndented = true });
}

/// <param name="Entry">The entry, so the recipient can recompute its leaf hash; null when the proof is for someone who may
/// not read it (an auditor sees the log pseudonymised): the proof then shows only that this leaf is in the signed tree.</param>
public sealed record InclusionProof(string Format, long Sequence, long LeafIndex, long TreeSize, ExportedEntry? Entry, string LeafHash, IReadOnlyList<string> Path, string Checkpoint)
{
    /// <summary>The same proof without the entry's content (names, staff refs, free text).</summary>
    public InclusionProof WithEntryWithheld() => this with { Entry = null };
}

public sealed record ConsistencyProof(string Format, long OldSize, string OldRoot, long NewSize, string NewRoot, IReadOnlyList<string> Path);
