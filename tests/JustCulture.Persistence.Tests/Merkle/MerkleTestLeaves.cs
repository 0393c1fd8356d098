using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Persistence.Tests.Merkle;

/// <summary>Leaf hashes and byte tampering shared by the Merkle tests.</summary>
internal static class MerkleTestLeaves
{
    /// <summary><paramref name="count"/> distinct leaf hashes: the leaf hash of each index's decimal text.</summary>
    public static byte[][] Distinct(int count) =>
        Enumerable.Range(0, count).Select(i => MerkleHashing.LeafHash(System.Text.Encoding.UTF8.GetBytes($"entry {i}"))).ToArray();

    /// <summary>A copy of <paramref name="hash"/> with one byte changed.</summary>
    public static byte[] WithByteFlipped(byte[] hash, int position)
    {
        var copy = (byte[])hash.Clone();
        copy[position] ^= 0x01;
        return copy;
    }

    /// <summary>A copy of <paramref name="path"/> whose element <paramref name="element"/> has one byte changed.</summary>
    public static byte[][] WithByteFlipped(IReadOnlyList<byte[]> path, int element, int position)
    {
        var copy = path.ToArray();
        copy[element] = WithByteFlipped(copy[element], position);
        return copy;
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
