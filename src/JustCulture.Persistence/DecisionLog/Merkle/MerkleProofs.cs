namespace JustCulture.Persistence.DecisionLog.Merkle;

/// <summary>
/// Checks RFC 9162 proofs (docs/log-format.md §3) by the RFC's own algorithms, step for step, so this
/// server, the CLI and an independent verifier agree. A proof comes from outside — an auditor's file, a
/// remote server — so every malformed input (null, a hash of the wrong length, a path too long or too
/// short, sizes out of range) is a failed proof, never an exception.
/// </summary>
public static class MerkleProofs
{
    /// <summary>RFC 9162 §2.1.3.2: does <paramref name="path"/> prove the leaf at <paramref name="leafIndex"/> is in the tree of <paramref name="treeSize"/> leaves with <paramref name="root"/>?</summary>
    public static bool VerifyInclusion(byte[] leafHash, long leafIndex, long treeSize, IReadOnlyList<byte[]> path, byte[] root)
    {
        if (!MerkleHashing.IsHash(leafHash) || !MerkleHashing.IsHash(root) || !AllHashes(path))
        {
            return false;
        }

        // 1. The index must be inside the tree.
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            return false;
        }

        // 2, 3.
        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = (byte[])leafHash.Clone();

        // 4.
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHashing.WriteNodeHash(p, r, r);
                ShiftUntilOddOrZero(ref fn, ref sn);
            }
            else
            {
                MerkleHashing.WriteNodeHash(r, p, r);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // 5.
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>
    /// RFC 9162 §2.1.4.2: does <paramref name="path"/> prove the tree of <paramref name="newSize"/> leaves
    /// with <paramref name="newRoot"/> only appended to the one of <paramref name="oldSize"/> with
    /// <paramref name="oldRoot"/>?
    /// </summary>
    /// <remarks>
    /// The RFC's algorithm covers 0 &lt; oldSize &lt; newSize. The two edges are settled the way the proofs
    /// are generated: equal sizes need an empty path and equal roots; an empty old tree needs an empty path
    /// and the empty-tree root as its root (every tree extends the empty one, but a checkpoint of size 0
    /// claiming some other root is false).
    /// </remarks>
    public static bool VerifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, IReadOnlyList<byte[]> path)
    {
        if (!MerkleHashing.IsHash(oldRoot) || !MerkleHashing.IsHash(newRoot) || !AllHashes(path))
        {
            return false;
        }

        if (oldSize < 0 || newSize < oldSize)
        {
            return false;
        }

        if (oldSize == 0)
        {
            return path.Count == 0 && oldRoot.AsSpan().SequenceEqual(MerkleHashing.EmptyRoot)
                && (newSize > 0 || newRoot.AsSpan().SequenceEqual(oldRoot));
        }

        if (oldSize == newSize)
        {
            return path.Count == 0 && oldRoot.AsSpan().SequenceEqual(newRoot);
        }

        // 1.
        if (path.Count == 0)
        {
            return false;
        }

        // 2. When the old tree is a perfect subtree the verifier already holds its root, so the path omits it.
        var hashes = new List<byte[]>(path.Count + 1);
        if ((oldSize & (oldSize - 1)) == 0)
        {
            hashes.Add(oldRoot);
        }

        hashes.AddRange(path);

        // 3, 4.
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // 5.
        var fr = (byte[])hashes[0].Clone();
        var sr = (byte[])hashes[0].Clone();

        // 6.
        foreach (var c in hashes.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHashing.WriteNodeHash(c, fr, fr);
                MerkleHashing.WriteNodeHash(c, sr, sr);
                ShiftUntilOddOrZero(ref fn, ref sn);
            }
            else
            {
                MerkleHashing.WriteNodeHash(sr, c, sr);
            }

            fn >>= 1;
            sn >>= 1;
        }

        // 7.
        return fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot) && sn == 0;
    }

    /// <summary>"If LSB(fn) is not set, right-shift both fn and sn equally until either LSB(fn) is set or fn is 0."</summary>
    private static void ShiftUntilOddOrZero(ref long fn, ref long sn)
    {
        while ((fn & 1) == 0 && fn != 0)
        {
            fn >>= 1;
            sn >>= 1;
        }
    }

    private static bool AllHashes(IReadOnlyList<byte[]>? path)
    {
        if (path is null)
        {
            return false;
        }

        foreach (var hash in path)
        {
            if (!MerkleHashing.IsHash(hash))
            {
                return false;
            }
        }

        return true;
    }
}
