using System.Numerics;

namespace JustCulture.Persistence.DecisionLog.Merkle;

/// <summary>
/// The compact state of an append-only Merkle tree: the roots of its perfect subtrees, largest (leftmost)
/// first — one for each set bit of <see cref="Size"/>. That is all that is needed to append the next leaf
/// and to compute the RFC 9162 root, so the sequencer need not reread every leaf each time it integrates
/// one. Appending merges equal-sized subtrees like carrying in binary addition.
/// </summary>
public sealed class MerkleFrontier
{
    // A tree of up to 2^63 - 1 leaves has at most 63 perfect subtrees; they sit side by side in one
    // buffer so that appending a leaf allocates nothing.
    private const int MaxSubtrees = 64;

    private readonly byte[] _subtreeRoots = new byte[MaxSubtrees * MerkleHashing.HashSize];

    /// <summary>The number of leaves appended so far.</summary>
    public long Size { get; private set; }

    /// <summary>A frontier holding <paramref name="leafHashes"/>, appended in order.</summary>
    public static MerkleFrontier FromLeaves(IEnumerable<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var frontier = new MerkleFrontier();
        foreach (var leafHash in leafHashes)
        {
            frontier.Append(leafHash);
        }

        return frontier;
    }

    /// <summary>An independent copy: the sequencer grows a copy and keeps it only once its batch committed.</summary>
    public MerkleFrontier Clone()
    {
        var copy = new MerkleFrontier { Size = Size };
        _subtreeRoots.CopyTo(copy._subtreeRoots, 0);
        return copy;
    }

    /// <summary>Appends one leaf hash (32 bytes; already <see cref="MerkleHashing.LeafHash"/>ed).</summary>
    public void Append(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        Append(leafHash.AsSpan());
    }

    /// <summary>Appends one leaf hash (32 bytes) from a span: the verifier hashes into stack memory.</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        MerkleHashing.RequireHash(leafHash, nameof(leafHash));
        if (Size == long.MaxValue)
        {
            throw new InvalidOperationException("The tree is full.");
        }

        // Each trailing 1 bit of the old size is a perfect subtree the same size as the one being carried:
        // merge them, right to left, into one.
        var count = SubtreeCount;
        Span<byte> carried = stackalloc byte[MerkleHashing.HashSize];
        leafHash.CopyTo(carried);
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            count--;
            MerkleHashing.WriteNodeHash(Subtree(count), carried, carried);
        }

        carried.CopyTo(Subtree(count));
        Size++;
    }

    /// <summary>The RFC 9162 root of the leaves appended so far (the empty-tree hash when there are none).</summary>
    public byte[] Root()
    {
        var count = SubtreeCount;
        if (count == 0)
        {
            return MerkleHashing.EmptyRoot;
        }

        // RFC 9162 splits off the largest perfect subtree on the left and recurses on the rest, so the
        // root folds the subtrees from the right: H(s0, H(s1, ... H(s[n-2], s[n-1]))).
        var root = Subtree(count - 1).ToArray();
        for (var i = count - 2; i >= 0; i--)
        {
            MerkleHashing.WriteNodeHash(Subtree(i), root, root);
        }

        return root;
    }

    private int SubtreeCount => BitOperations.PopCount((ulong)Size);

    private Span<byte> Subtree(int index) =>
        _subtreeRoots.AsSpan(index * MerkleHashing.HashSize, MerkleHashing.HashSize);
}
