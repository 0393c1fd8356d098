using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Persistence.Tests.Merkle;

/// <summary>The sequencer's running root must be the very root a verifier recomputes from all the leaves.</summary>
public class MerkleFrontierTests
{
    [Fact]
    public void EqualsTreeRootGivenEverySizeFrom0To200()
    {
        var leaves = MerkleTestLeaves.Distinct(200);
        var frontier = new MerkleFrontier();

        for (var size = 0; size <= leaves.Length; size++)
        {
            frontier.Size.ShouldBe(size);
            MerkleTestLeaves.Hex(frontier.Root()).ShouldBe(MerkleTestLeaves.Hex(MerkleTree.Root(leaves, size)), $"size {size}");
            if (size < leaves.Length)
            {
                frontier.Append(leaves[size]);
            }
        }
    }

    [Fact]
    public void EqualsAppendingOneByOneGivenLeavesAllAtOnce()
    {
        var leaves = MerkleTestLeaves.Distinct(77);
        var appended = new MerkleFrontier();
        foreach (var leaf in leaves)
        {
            appended.Append(leaf);
        }

        var fromLeaves = MerkleFrontier.FromLeaves(leaves);

        fromLeaves.Size.ShouldBe(77);
        fromLeaves.Root().ShouldBe(appended.Root());
    }

    [Fact]
    public void KeepsItsRootGivenTheCallerChangesAnAppendedOrReturnedHash()
    {
        var leaves = MerkleTestLeaves.Distinct(3);
        var frontier = MerkleFrontier.FromLeaves(leaves);
        var root = frontier.Root();

        leaves[2][0] ^= 0xff;
        frontier.Root()[0] ^= 0xff;

        frontier.Root().ShouldBe(root);
    }

    [Fact]
    public void RefusesGivenALeafHashThatIsNot32Bytes()
    {
        var frontier = new MerkleFrontier();

        Should.Throw<ArgumentException>(() => frontier.Append(new byte[31])).ParamName.ShouldBe("leafHash");
        frontier.Size.ShouldBe(0);
    }
}
