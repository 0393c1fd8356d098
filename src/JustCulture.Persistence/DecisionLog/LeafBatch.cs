using System.Buffers;
using System.Security.Cryptography;
using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// A run of leaves read in sequence order for verification, each with its entry's leaf input (0x00 ‖ leaf data,
/// docs/log-format.md §1.1) written back to back into one buffer, its stored leaf hash and its seal as raw bytes.
/// <see cref="Hash"/> computes every leaf hash and seal of the run on whichever thread runs it, so runs hash in
/// parallel while the next is read; the checks that depend on order (and the tree) are the verifier's.
/// Batches are reused, so reading a million entries allocates a handful of them.
/// </summary>
internal sealed class LeafBatch
{
    public const int Capacity = 1024;

    public readonly long[] Sequence = new long[Capacity];
    public readonly long[] EntryId = new long[Capacity];
    public readonly int[] LeafVersion = new int[Capacity];
    public readonly RowState[] State = new RowState[Capacity];

    /// <summary>Whether the stored leaf hash is 64 lower-case hex digits (what the sequencer writes).</summary>
    public readonly bool[] StoredHashWellFormed = new bool[Capacity];

    /// <summary>Whether the seal is 64 lower-case hex digits (what the writer writes); a null or other seal is not the application's.</summary>
    public readonly bool[] SealWellFormed = new bool[Capacity];

    public readonly bool[] SealIsNull = new bool[Capacity];
    public readonly byte[] StoredHash = new byte[Capacity * MerkleHashing.HashSize];
    public readonly byte[] Seal = new byte[Capacity * MerkleHashing.HashSize];
    public readonly int[] Offsets = new int[Capacity + 1];

    // What Hash computes.
    public readonly byte[] LeafHash = new byte[Capacity * MerkleHashing.HashSize];
    public readonly bool[] LeafHashMatches = new bool[Capacity];
    public readonly bool[] SealMatches = new bool[Capacity];

    public byte[] Input = new byte[256 * 1024];

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public int InputLength => Offsets[Count];

    public void Clear() => Count = 0;

    /// <summary>Room for a leaf input of up to <paramref name="length"/> bytes at the end of the buffer.</summary>
    public Span<byte> ReserveInput(int length)
    {
        var at = Offsets[Count];
        if (Input.Length - at < length)
        {
            Array.Resize(ref Input, Math.Max(Input.Length * 2, at + length));
        }

        return Input.AsSpan(at);
    }

    /// <summary>Ends the row being filled; <paramref name="inputLength"/> bytes of input were written (0 when none).</summary>
    public void Commit(int inputLength)
    {
        Offsets[Count + 1] = Offsets[Count] + inputLength;
        Count++;
    }

    public ReadOnlySpan<byte> InputOf(int index) => Input.AsSpan(Offsets[index], Offsets[index + 1] - Offsets[index]);

    public Span<byte> StoredHashOf(int index) => StoredHash.AsSpan(index * MerkleHashing.HashSize, MerkleHashing.HashSize);

    public Span<byte> SealOf(int index) => Seal.AsSpan(index * MerkleHashing.HashSize, MerkleHashing.HashSize);

    public ReadOnlySpan<byte> LeafHashOf(int index) => LeafHash.AsSpan(index * MerkleHashing.HashSize, MerkleHashing.HashSize);

    /// <summary>Every leaf hash (SHA-256 of the leaf input) and seal (HMAC-SHA256 of the leaf data under <paramref name="sealKey"/>) of the run, compared as raw bytes.</summary>
    public LeafBatch Hash(byte[] sealKey)
    {

        // One reused context each: a fresh digest context per call costs about as much as hashing a leaf.
        using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var sealer = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, sealKey);
        Span<byte> seal = stackalloc byte[MerkleHashing.HashSize];
        for (var i = 0; i < Count; i++)
        {
            LeafHashMatches[i] = false;
            SealMatches[i] = false;
            if (State[i] != RowState.Encoded)
            {
                continue;
            }

            var input = InputOf(i);
            var leafHash = LeafHash.AsSpan(i * MerkleHashing.HashSize, MerkleHashing.HashSize);
            hasher.AppendData(input);
            hasher.GetHashAndReset(leafHash);
            LeafHashMatches[i] = StoredHashWellFormed[i] && leafHash.SequenceEqual(StoredHashOf(i));
            if (SealWellFormed[i])
            {
                // The seal covers the leaf data, which is the leaf hash's input without its 0x00 prefix.
                sealer.AppendData(input[1..]);
                sealer.GetHashAndReset(seal);
                SealMatches[i] = CryptographicOperations.FixedTimeEquals(seal, SealOf(i));
            }
        }

        return this;
    }

    /// <summary>Reads 64 lower-case hex digits into 32 bytes; any other spelling was not written by the application.</summary>
    public static bool TryReadLowerHex(ReadOnlySpan<char> hex, Span<byte> destination) =>
        hex.Length == 2 * MerkleHashing.HashSize && !hex.ContainsAnyInRange('A', 'F')
        && Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done && written == MerkleHashing.HashSize;

    /// <summary>The same for hex as UTF-8 bytes (as SQLite stores it).</summary>
    public static bool TryReadLowerHex(ReadOnlySpan<byte> hex, Span<byte> destination) =>
        hex.Length == 2 * MerkleHashing.HashSize && !hex.ContainsAnyInRange((byte)'A', (byte)'F')
        && Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done && written == MerkleHashing.HashSize;

    public enum RowState : byte
    {
        /// <summary>The entry was read and its leaf input written.</summary>
        Encoded,

        /// <summary>The leaf names an entry the table no longer holds.</summary>
        EntryMissing,

        /// <summary>The entry's leaf version is neither 1 nor 2, so it has no leaf input.</summary>
        UnknownVersion,
    }
}
