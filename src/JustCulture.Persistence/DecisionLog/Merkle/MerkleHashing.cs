using System.Security.Cryptography;

namespace JustCulture.Persistence.DecisionLog.Merkle;

/// <summary>
/// The RFC 9162 §2.1 hashes (docs/log-format.md §1.2). The 0x00 / 0x01 prefixes keep a leaf from ever
/// being passed off as an interior node, so no one can forge a proof by presenting a node as a leaf.
/// </summary>
public static class MerkleHashing
{
    /// <summary>Every hash in the tree is a SHA-256 output.</summary>
    public const int HashSize = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>The root of the empty tree: SHA-256 of nothing. A fresh copy each time, so callers may keep it.</summary>
    public static byte[] EmptyRoot => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>SHA-256(0x00 ‖ leaf data).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> leafData)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([LeafPrefix]);
        sha.AppendData(leafData);
        return sha.GetHashAndReset();
    }

    /// <summary>
    /// SHA-256(0x01 ‖ left ‖ right). In the tree both children are 32-byte hashes; the definition itself
    /// takes any bytes, as the RFC's does.
    /// </summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([NodePrefix]);
        sha.AppendData(left);
        sha.AppendData(right);
        return sha.GetHashAndReset();
    }

    // One-shot SHA256.HashData sets up a new digest context per call, which dominates the cost of hashing
    // 65 bytes; a proof over a million leaves hashes a million nodes, so each thread reuses one hasher.
    [ThreadStatic]
    private static IncrementalHash? t_nodeHasher;

    /// <summary>
    /// The node hash of two 32-byte children written into <paramref name="destination"/> without
    /// allocating: the tree code hashes millions of nodes and keeps only a few. <paramref name="destination"/>
    /// may be either child.
    /// </summary>
    internal static void WriteNodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[1 + (2 * HashSize)];
        input[0] = NodePrefix;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        var hasher = t_nodeHasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(input);
        hasher.GetHashAndReset(destination);
    }

    internal static bool IsHash(byte[]? candidate) => candidate is { Length: HashSize };

    internal static void RequireHash(ReadOnlySpan<byte> hash, string parameterName)
    {
        if (hash.Length != HashSize)
        {
            throw new ArgumentException($"A Merkle tree hash is {HashSize} bytes; this one is {hash.Length}.", parameterName);
        }
    }
}
