using System.Text;
using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Persistence.Tests.Merkle;

/// <summary>
/// The Certificate Transparency reference vectors for RFC 6962 / RFC 9162 hashing. A log whose roots and
/// proofs no other implementation reproduces proves nothing to an outside auditor, so these pin the
/// prefixes, the split rule and the path order to the published values.
/// Vectors (data only) from transparency-dev/merkle: proof/verify_test.go (leaves, roots, inclusion and
/// consistency proofs — its leaf numbers there are 1-based) and rfc6962/rfc6962_test.go (single hashes).
/// </summary>
public class MerkleKnownAnswerTests
{
    private static readonly byte[][] ReferenceLeafData =
    [
        .. new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }
            .Select(Convert.FromHexString),
    ];

    // Index = tree size.
    private static readonly string[] ReferenceRoots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static readonly byte[][] ReferenceLeaves = [.. ReferenceLeafData.Select(d => MerkleHashing.LeafHash(d))];

    public static TheoryData<long, long, string[]> InclusionVectors => new()
    {
        { 0, 1, [] },
        {
            0, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        },
        {
            5, 8,
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        {
            1, 5,
            [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        },
    };

    public static TheoryData<long, long, string[]> ConsistencyVectors => new()
    {
        { 1, 1, [] },
        {
            1, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        },
        {
            6, 8,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
        {
            2, 5,
            [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        },
        {
            6, 7,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
    };

    [Fact]
    public void IsSha256OfNothingGivenTheEmptyTree()
    {
        MerkleTestLeaves.Hex(MerkleHashing.EmptyRoot).ShouldBe(ReferenceRoots[0]);
        MerkleTestLeaves.Hex(MerkleTree.Root([], 0)).ShouldBe(ReferenceRoots[0]);
    }

    [Fact]
    public void MatchesPublishedLeafAndNodeHashesGivenReferenceInputs()
    {
        MerkleTestLeaves.Hex(MerkleHashing.LeafHash([])).ShouldBe("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        MerkleTestLeaves.Hex(MerkleHashing.LeafHash(Encoding.ASCII.GetBytes("L123456")))
            .ShouldBe("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        MerkleTestLeaves.Hex(MerkleHashing.NodeHash(Encoding.ASCII.GetBytes("N123"), Encoding.ASCII.GetBytes("N456")))
            .ShouldBe("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    [Fact]
    public void MatchesPublishedRootForEverySizeGivenReferenceLeaves()
    {
        for (var size = 0; size <= ReferenceLeaves.Length; size++)
        {
            MerkleTestLeaves.Hex(MerkleTree.Root(ReferenceLeaves, size)).ShouldBe(ReferenceRoots[size], $"size {size}");
            MerkleTestLeaves.Hex(MerkleFrontier.FromLeaves(ReferenceLeaves.Take(size)).Root()).ShouldBe(ReferenceRoots[size], $"frontier of size {size}");
        }
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void GivesAndAcceptsPublishedInclusionPathGivenReferenceTree(long leafIndex, long treeSize, string[] expectedPath)
    {
        var path = MerkleTree.InclusionProof(ReferenceLeaves, leafIndex, treeSize);

        path.Select(MerkleTestLeaves.Hex).ShouldBe(expectedPath);
        var published = expectedPath.Select(Convert.FromHexString).ToArray();
        MerkleProofs.VerifyInclusion(ReferenceLeaves[leafIndex], leafIndex, treeSize, published, Convert.FromHexString(ReferenceRoots[treeSize]))
            .ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void GivesAndAcceptsPublishedConsistencyProofGivenReferenceTree(long oldSize, long newSize, string[] expectedPath)
    {
        var path = MerkleTree.ConsistencyProof(ReferenceLeaves, oldSize, newSize);

        path.Select(MerkleTestLeaves.Hex).ShouldBe(expectedPath);
        var published = expectedPath.Select(Convert.FromHexString).ToArray();
        MerkleProofs.VerifyConsistency(oldSize, newSize, Convert.FromHexString(ReferenceRoots[oldSize]), Convert.FromHexString(ReferenceRoots[newSize]), published)
            .ShouldBeTrue();
    }
}
