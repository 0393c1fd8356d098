using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Persistence.Tests.Merkle;

/// <summary>
/// Every proof the tree gives verifies, and none survives a changed byte, across every tree shape up to
/// 64 leaves (every split and right-edge case the recursion has at six levels).
/// </summary>
public class MerkleProofPropertyTests
{
    private const int MaxSize = 64;
    private static readonly byte[][] Leaves = MerkleTestLeaves.Distinct(MaxSize);
    private static readonly byte[][] Roots = [.. Enumerable.Range(0, MaxSize + 1).Select(size => MerkleTree.Root(Leaves, size))];

    [Fact]
    public void VerifiesGivenEveryLeafOfEveryTreeUpTo64()
    {
        for (var size = 1; size <= MaxSize; size++)
        {
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.InclusionProof(Leaves, index, size);
                MerkleProofs.VerifyInclusion(Leaves[index], index, size, path, Roots[size]).ShouldBeTrue($"leaf {index} of {size}");
            }
        }
    }

    [Fact]
    public void RejectsInclusionGivenAnyOneByteOfLeafPathOrRootChanged()
    {
        for (var size = 1; size <= MaxSize; size++)
        {
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.InclusionProof(Leaves, index, size);
                for (var b = 0; b < MerkleHashing.HashSize; b++)
                {
                    MerkleProofs.VerifyInclusion(MerkleTestLeaves.WithByteFlipped(Leaves[index], b), index, size, path, Roots[size])
                        .ShouldBeFalse($"leaf {index} of {size}, leaf byte {b}");
                    MerkleProofs.VerifyInclusion(Leaves[index], index, size, path, MerkleTestLeaves.WithByteFlipped(Roots[size], b))
                        .ShouldBeFalse($"leaf {index} of {size}, root byte {b}");
                    for (var element = 0; element < path.Count; element++)
                    {
                        MerkleProofs.VerifyInclusion(Leaves[index], index, size, MerkleTestLeaves.WithByteFlipped(path, element, b), Roots[size])
                            .ShouldBeFalse($"leaf {index} of {size}, path[{element}] byte {b}");
                    }
                }
            }
        }
    }

    [Fact]
    public void RejectsInclusionGivenAnyOtherLeafIndex()
    {
        for (var size = 1; size <= MaxSize; size++)
        {
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.InclusionProof(Leaves, index, size);
                foreach (var wrongIndex in Enumerable.Range(-1, size + 2).Where(i => i != index))
                {
                    MerkleProofs.VerifyInclusion(Leaves[index], wrongIndex, size, path, Roots[size])
                        .ShouldBeFalse($"leaf {index} of {size} claimed as leaf {wrongIndex}");
                }
            }
        }
    }

    /// <summary>
    /// A path fixes the leaf's place in the tree's shape, not the size itself: index 0 of 3 and of 4 have
    /// paths of the same shape, so a size-3 path checks out against the size-3 root under either size.
    /// That is harmless because the checkpoint signs size and root together. What must fail is any size
    /// that moves the leaf: too small to hold it, half, or double.
    /// </summary>
    [Fact]
    public void RejectsInclusionGivenASizeThatMovesTheLeaf()
    {
        for (var size = 1; size <= MaxSize; size++)
        {
            for (var index = 0; index < size; index++)
            {
                var path = MerkleTree.InclusionProof(Leaves, index, size);
                foreach (var wrongSize in new long[] { index, size / 2, size * 2, 0, -1 }.Where(s => s != size))
                {
                    MerkleProofs.VerifyInclusion(Leaves[index], index, wrongSize, path, Roots[size])
                        .ShouldBeFalse($"leaf {index} of {size} claimed in a tree of {wrongSize}");
                }
            }
        }
    }

    [Fact]
    public void VerifiesGivenEveryPairOfSizesUpTo64()
    {
        for (var newSize = 1; newSize <= MaxSize; newSize++)
        {
            for (var oldSize = 1; oldSize <= newSize; oldSize++)
            {
                var path = MerkleTree.ConsistencyProof(Leaves, oldSize, newSize);
                MerkleProofs.VerifyConsistency(oldSize, newSize, Roots[oldSize], Roots[newSize], path).ShouldBeTrue($"{oldSize} → {newSize}");
            }
        }
    }

    [Fact]
    public void RejectsConsistencyGivenAnyOneByteOfEitherRootOrPathChanged()
    {
        for (var newSize = 1; newSize <= MaxSize; newSize++)
        {
            for (var oldSize = 1; oldSize <= newSize; oldSize++)
            {
                var path = MerkleTree.ConsistencyProof(Leaves, oldSize, newSize);
                for (var b = 0; b < MerkleHashing.HashSize; b++)
                {
                    MerkleProofs.VerifyConsistency(oldSize, newSize, MerkleTestLeaves.WithByteFlipped(Roots[oldSize], b), Roots[newSize], path)
                        .ShouldBeFalse($"{oldSize} → {newSize}, old root byte {b}");
                    MerkleProofs.VerifyConsistency(oldSize, newSize, Roots[oldSize], MerkleTestLeaves.WithByteFlipped(Roots[newSize], b), path)
                        .ShouldBeFalse($"{oldSize} → {newSize}, new root byte {b}");
                    for (var element = 0; element < path.Count; element++)
                    {
                        MerkleProofs.VerifyConsistency(oldSize, newSize, Roots[oldSize], Roots[newSize], MerkleTestLeaves.WithByteFlipped(path, element, b))
                            .ShouldBeFalse($"{oldSize} → {newSize}, path[{element}] byte {b}");
                    }
                }
            }
        }
    }

    [Fact]
    public void RejectsConsistencyGivenTheRootsOfAnotherLog()
    {
        var otherLeaves = MerkleTestLeaves.Distinct(MaxSize + 1).Skip(1).ToArray();
        for (var newSize = 2; newSize <= MaxSize; newSize++)
        {
            for (var oldSize = 1; oldSize < newSize; oldSize++)
            {
                var path = MerkleTree.ConsistencyProof(Leaves, oldSize, newSize);
                MerkleProofs.VerifyConsistency(oldSize, newSize, MerkleTree.Root(otherLeaves, oldSize), Roots[newSize], path)
                    .ShouldBeFalse($"{oldSize} → {newSize} from a different old tree");
                MerkleProofs.VerifyConsistency(oldSize, newSize, Roots[newSize], Roots[oldSize], path)
                    .ShouldBeFalse($"{oldSize} → {newSize} with the roots swapped");
            }
        }
    }

    [Fact]
    public void AcceptsAnyTreeGivenTheEmptyOldTree()
    {
        for (var newSize = 0; newSize <= MaxSize; newSize++)
        {
            MerkleTree.ConsistencyProof(Leaves, 0, newSize).ShouldBeEmpty();
            MerkleProofs.VerifyConsistency(0, newSize, MerkleHashing.EmptyRoot, Roots[newSize], []).ShouldBeTrue($"0 → {newSize}");
        }
    }
}
