using System.Numerics;

namespace JustCulture.Persistence.DecisionLog.Merkle;

/// <summary>
/// RFC 9162 §2.1 roots and proofs over a list of leaf hashes (leaf index = sequence − 1, docs/log-format.md
/// §1 and §3). The RFC defines them recursively; here they are loops over disjoint ranges of leaves, so
/// a proof reads each leaf at most once (O(n) hashes) and no tree is deep enough to overflow the stack.
/// </summary>
public static class MerkleTree
{
    /// <summary>MTH(D[0:size]): the root of the first <paramref name="size"/> leaves.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves, long size)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        RequireSizeWithin(leaves, size, nameof(size));
        return SubtreeRoot(leaves, 0, size);
    }

    /// <summary>
    /// PATH(leafIndex, D[0:treeSize]) (RFC 9162 §2.1.3.1): the sibling subtree roots from the leaf up to the
    /// root, nearest the leaf first.
    /// </summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leaves, long leafIndex, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        RequireSizeWithin(leaves, treeSize, nameof(treeSize));
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(leafIndex), leafIndex,
                $"Leaf index {leafIndex} is not in a tree of {treeSize} leaves (indexes run from 0 to size − 1).");
        }

        // Walk down from the root: at each split the leaf lies in one half and the other half's root is
        // the sibling. The RFC's recursion appends the sibling after the deeper path, so reverse at the end.
        var path = new List<byte[]>();
        long start = 0, size = treeSize, index = leafIndex;
        while (size > 1)
        {
            var k = LargestPowerOfTwoBelow(size);
            if (index < k)
            {
                path.Add(SubtreeRoot(leaves, start + k, size - k));
                size = k;
            }
            else
            {
                path.Add(SubtreeRoot(leaves, start, k));
                start += k;
                index -= k;
                size -= k;
            }
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// PROOF(oldSize, D[0:newSize]) (RFC 9162 §2.1.4.1): the hashes that let anyone holding the old root
    /// check the new tree only appended to it. Empty when the old tree is empty or the sizes are equal.
    /// </summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leaves, long oldSize, long newSize)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        RequireSizeWithin(leaves, newSize, nameof(newSize));
        if (oldSize < 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), oldSize,
                $"Old tree size {oldSize} must be between 0 and the new tree size {newSize}.");
        }

        if (oldSize == 0 || oldSize == newSize)
        {
            return [];
        }

        // SUBPROOF(m, D[start:start+n], oldIsWholeSubtree), unrolled top-down like the inclusion path.
        var proof = new List<byte[]>();
        long start = 0, m = oldSize, n = newSize;
        var oldIsWholeSubtree = true;
        while (m != n)
        {
            var k = LargestPowerOfTwoBelow(n);
            if (m <= k)
            {
                proof.Add(SubtreeRoot(leaves, start + k, n - k));
                n = k;
            }
            else
            {
                proof.Add(SubtreeRoot(leaves, start, k));
                start += k;
                m -= k;
                n -= k;
                oldIsWholeSubtree = false;
            }
        }

        // Where the old tree ends inside this subtree the verifier cannot know its root, so it is sent;
        // where the old tree is exactly a subtree of the new one, the verifier already holds it.
        if (!oldIsWholeSubtree)
        {
            proof.Add(SubtreeRoot(leaves, start, n));
        }

        proof.Reverse();
        return proof;
    }

    /// <summary>The largest power of two strictly less than <paramref name="n"/> (n ≥ 2): the RFC 9162 split point.</summary>
    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    private static byte[] SubtreeRoot(IReadOnlyList<byte[]> leaves, long start, long count)
    {
        var frontier = new MerkleFrontier();
        for (var i = start; i < start + count; i++)
        {
            frontier.Append(leaves[(int)i]);
        }

        return frontier.Root();
    }

    private static void RequireSizeWithin(IReadOnlyList<byte[]> leaves, long size, string parameterName)
    {
        if (size < 0 || size > leaves.Count)
        {
            throw new ArgumentOutOfRangeException(parameterName, size,
                $"Tree size {size} must be between 0 and the {leaves.Count} leaves given.");
        }
    }
}
