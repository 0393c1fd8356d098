using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Persistence.Tests.Merkle;

/// <summary>Proofs arrive from outside; a malformed one is a failed proof, never an exception.</summary>
public class MerkleMalformedProofTests
{
    private static readonly byte[][] Leaves = MerkleTestLeaves.Distinct(13);
    private static readonly byte[] Root13 = MerkleTree.Root(Leaves, 13);
    private static readonly byte[] Root6 = MerkleTree.Root(Leaves, 6);
    private static readonly IReadOnlyList<byte[]> InclusionPath = MerkleTree.InclusionProof(Leaves, 5, 13);
    private static readonly IReadOnlyList<byte[]> ConsistencyPath = MerkleTree.ConsistencyProof(Leaves, 6, 13);

    [Fact]
    public void VerifiesGivenTheWellFormedProofsTheseTestsSpoil()
    {
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, InclusionPath, Root13).ShouldBeTrue();
        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13, ConsistencyPath).ShouldBeTrue();
    }

    [Fact]
    public void RejectsInclusionGivenAPathTooLongOrTooShort()
    {
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, [.. InclusionPath, Root13], Root13).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, [Leaves[0], .. InclusionPath], Root13).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, [.. InclusionPath.Take(InclusionPath.Count - 1)], Root13).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, [], Root13).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, [.. Enumerable.Repeat(Root13, 100)], Root13).ShouldBeFalse();
    }

    /// <summary>
    /// A path with an extra level on top folds to whatever root its author chose; RFC 9162 rejects it
    /// because a tree of this size is not that tall, not because the root differs.
    /// </summary>
    [Fact]
    public void RejectsInclusionGivenAnExtraLevelThatFoldsToTheClaimedRoot()
    {
        var extra = Leaves[0];
        var taller = MerkleHashing.NodeHash(extra, Root13);

        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, [.. InclusionPath, extra], taller).ShouldBeFalse();
    }

    [Fact]
    public void RejectsInclusionGivenAHashOfTheWrongLength()
    {
        var shortPath = InclusionPath.ToArray();
        shortPath[1] = shortPath[1][..31];

        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, shortPath, Root13).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5][..31], 5, 13, InclusionPath, Root13).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, InclusionPath, Root13[..31]).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, InclusionPath, [.. Root13, 0]).ShouldBeFalse();
        MerkleProofs.VerifyInclusion([], 0, 1, [], []).ShouldBeFalse();
    }

    [Fact]
    public void RejectsInclusionGivenNulls()
    {
        MerkleProofs.VerifyInclusion(null!, 5, 13, InclusionPath, Root13).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, null!, Root13).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, [InclusionPath[0], null!, .. InclusionPath.Skip(2)], Root13).ShouldBeFalse();
        MerkleProofs.VerifyInclusion(Leaves[5], 5, 13, InclusionPath, null!).ShouldBeFalse();
    }

    [Theory]
    [InlineData(-1, 13)]
    [InlineData(13, 13)]
    [InlineData(5, 0)]
    [InlineData(5, -13)]
    [InlineData(long.MaxValue, long.MaxValue)]
    [InlineData(5, long.MaxValue)]
    [InlineData(long.MinValue, 13)]
    public void RejectsInclusionGivenIndexOrSizeOutOfRange(long leafIndex, long treeSize)
    {
        MerkleProofs.VerifyInclusion(Leaves[5], leafIndex, treeSize, InclusionPath, Root13).ShouldBeFalse();
    }

    [Fact]
    public void RejectsConsistencyGivenAPathTooLongOrTooShort()
    {
        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13, [.. ConsistencyPath, Root13]).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13, [Root6, .. ConsistencyPath]).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13, [.. ConsistencyPath.Take(ConsistencyPath.Count - 1)]).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13, []).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13, [.. Enumerable.Repeat(Root13, 100)]).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(13, 13, Root13, Root13, [Root13]).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(0, 13, MerkleHashing.EmptyRoot, Root13, [Root13]).ShouldBeFalse();
    }

    [Fact]
    public void RejectsConsistencyGivenAnExtraLevelThatFoldsToTheClaimedRoots()
    {
        // For 6 → 13 the last path element joins both folds from the left, so an extra one on top makes
        // both roots one level taller: each side folds correctly, but no tree of 13 leaves is that tall.
        var extra = Leaves[0];
        var tallerOld = MerkleHashing.NodeHash(extra, Root6);
        var tallerNew = MerkleHashing.NodeHash(extra, Root13);

        MerkleProofs.VerifyConsistency(6, 13, tallerOld, tallerNew, [.. ConsistencyPath, extra]).ShouldBeFalse();
    }

    [Fact]
    public void RejectsConsistencyGivenAHashOfTheWrongLengthOrNull()
    {
        var shortPath = ConsistencyPath.ToArray();
        shortPath[0] = shortPath[0][..31];

        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13, shortPath).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, Root6[..31], Root13, ConsistencyPath).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13[..31], ConsistencyPath).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, null!, Root13, ConsistencyPath).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, Root6, null!, ConsistencyPath).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13, null!).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(6, 13, Root6, Root13, [null!, .. ConsistencyPath.Skip(1)]).ShouldBeFalse();
    }

    [Theory]
    [InlineData(13, 6)]
    [InlineData(-1, 13)]
    [InlineData(6, -1)]
    [InlineData(long.MinValue, 13)]
    [InlineData(6, long.MaxValue)]
    [InlineData(long.MaxValue, long.MaxValue)]
    public void RejectsConsistencyGivenSizesOutOfRange(long oldSize, long newSize)
    {
        MerkleProofs.VerifyConsistency(oldSize, newSize, Root6, Root13, ConsistencyPath).ShouldBeFalse();
    }

    [Fact]
    public void RejectsConsistencyGivenAnEmptyOldTreeClaimingAnotherRoot()
    {
        MerkleProofs.VerifyConsistency(0, 13, Root6, Root13, []).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(0, 0, MerkleHashing.EmptyRoot, Root13, []).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(0, 0, MerkleHashing.EmptyRoot, MerkleHashing.EmptyRoot, []).ShouldBeTrue();
    }

    [Fact]
    public void RejectsConsistencyGivenEqualSizesWithDifferentRoots()
    {
        MerkleProofs.VerifyConsistency(13, 13, Root6, Root13, []).ShouldBeFalse();
        MerkleProofs.VerifyConsistency(13, 13, Root13, Root13, []).ShouldBeTrue();
    }
}
