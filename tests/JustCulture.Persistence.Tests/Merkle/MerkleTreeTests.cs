using System.Buffers.Binary;
using System.Collections;
using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Persistence.Tests.Merkle;

/// <summary>Argument errors name the problem, and proofs over a big log stay linear in its size.</summary>
public class MerkleTreeTests
{
    private static readonly byte[][] Leaves = MerkleTestLeaves.Distinct(10);

    [Fact]
    public void ThrowsOutOfRangeGivenALeafIndexOutsideTheTree()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(Leaves, 7, 7))
            .Message.ShouldContain("Leaf index 7 is not in a tree of 7 leaves");
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(Leaves, -1, 7)).ParamName.ShouldBe("leafIndex");
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(Leaves, 0, 0)).ParamName.ShouldBe("leafIndex");
    }

    [Fact]
    public void ThrowsOutOfRangeGivenASizeBeyondTheLeaves()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.Root(Leaves, 11))
            .Message.ShouldContain("Tree size 11 must be between 0 and the 10 leaves given");
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.Root(Leaves, -1)).ParamName.ShouldBe("size");
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.InclusionProof(Leaves, 0, 11)).ParamName.ShouldBe("treeSize");
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(Leaves, 3, 11)).ParamName.ShouldBe("newSize");
    }

    [Fact]
    public void ThrowsOutOfRangeGivenAnOldSizeAfterTheNew()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(Leaves, 8, 7))
            .Message.ShouldContain("Old tree size 8 must be between 0 and the new tree size 7");
        Should.Throw<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyProof(Leaves, -1, 7)).ParamName.ShouldBe("oldSize");
    }

    [Fact]
    public void ThrowsGivenAStoredLeafHashThatIsNot32Bytes()
    {
        byte[][] leaves = [.. Leaves.Take(3), new byte[31]];

        Should.Throw<ArgumentException>(() => MerkleTree.Root(leaves, 4));
        MerkleTree.Root(leaves, 3).ShouldBe(MerkleTree.Root(Leaves, 3));
    }

    [Fact]
    public void IsItsOwnLeafHashGivenOneLeaf()
    {
        MerkleTree.Root(Leaves, 1).ShouldBe(Leaves[0]);
        MerkleTree.InclusionProof(Leaves, 0, 1).ShouldBeEmpty();
    }

    /// <summary>
    /// The RFC's recursion, done naively, recomputes subtree roots at every level (O(n log n) hashes for one
    /// proof, far worse for many). Counting reads of the leaf list pins the linear bound without timing.
    /// </summary>
    [Fact]
    public void ReadsEachLeafAtMostOnceGivenAProofOverAMillionLeaves()
    {
        const int size = 1_000_003;
        var leaves = new CountingLeaves(size);

        var path = MerkleTree.InclusionProof(leaves, 654_321, size);
        leaves.Reads.ShouldBe(size - 1);
        path.Count.ShouldBe(20);

        leaves.Reads = 0;
        MerkleTree.ConsistencyProof(leaves, 777_777, size);
        leaves.Reads.ShouldBeLessThanOrEqualTo(size);
    }

    /// <summary>Leaf hashes made up on demand, so a million-leaf tree costs no memory, with a read counter.</summary>
    private sealed class CountingLeaves(int count) : IReadOnlyList<byte[]>
    {
        public long Reads { get; set; }

        public int Count => count;

        public byte[] this[int index]
        {
            get
            {
                Reads++;
                var leaf = new byte[MerkleHashing.HashSize];
                BinaryPrimitives.WriteInt32BigEndian(leaf, index);
                return leaf;
            }
        }

        public IEnumerator<byte[]> GetEnumerator() => Enumerable.Range(0, count).Select(i => this[i]).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
