using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>docs/log-format.md §2: the four-line checkpoint text, written and read strictly.</summary>
public class CheckpointTextTests
{
    private const string Source = "the proof's checkpoint";

    [Fact]
    public void WritesTheFourLinesOfTheFormat()
    {
        var root = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var checkpoint = new Checkpoint("justculture.example/trust-a", 2914, root, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        checkpoint.Text.ShouldBe(
            "justculture.example/trust-a\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1800000000\n");
    }

    [Fact]
    public void ReadsBackWhatItWrites()
    {
        var checkpoint = CheckpointSamples.At(17);

        var parsed = Checkpoint.ParseText(checkpoint.Text, Source);

        parsed.ShouldBe(checkpoint);
        parsed.Root.ShouldBe(checkpoint.Root);
        parsed.SignedAt.ShouldBe(CheckpointSamples.SignedAt);
        parsed.Text.ShouldBe(checkpoint.Text);
    }

    [Fact]
    public void ReadsTheEmptyTree()
    {
        var empty = new Checkpoint("o", 0, new byte[32], DateTimeOffset.UnixEpoch);

        Checkpoint.ParseText(empty.Text, Source).Size.ShouldBe(0);
    }

    [Theory]
    [InlineData("o\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1", "does not end in a newline")]
    [InlineData("o\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n", "line 4: the time line is missing")]
    [InlineData("o\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1\nextra\n", "line 5: unexpected line")]
    [InlineData("\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1\n", "line 1: the origin is not a valid key name")]
    [InlineData("trust a\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1\n", "line 1: the origin is not a valid key name")]
    [InlineData("o\n02914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1\n", "line 2: the tree size is not a decimal number")]
    [InlineData("o\n-1\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1\n", "line 2: the tree size")]
    [InlineData("o\n99999999999999999999\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1\n", "line 2: the tree size")]
    [InlineData("o\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==\ntime 1\n", "line 3: the root is not base64 of 32 bytes")]
    [InlineData("o\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\ntime 1\n", "line 3: the root is not base64 of 32 bytes")]
    [InlineData("o\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9=\ntime 1\n", "line 3: the root is not base64 of 32 bytes")]
    [InlineData("o\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\nTime 1\n", "line 4: expected 'time <Unix seconds>'")]
    [InlineData("o\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1.5\n", "line 4: expected 'time <Unix seconds>'")]
    [InlineData("o\n2914\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 999999999999\n", "line 4: expected 'time <Unix seconds>'")]
    public void RejectsNamingSourceAndLineGivenMalformedText(string text, string expected)
    {
        var error = Should.Throw<CheckpointFormatException>(() => Checkpoint.ParseText(text, Source));

        error.Message.ShouldStartWith(Source + ": ");
        error.Message.ShouldContain(expected);
        error.ShouldBeAssignableTo<FormatException>();
    }

    [Fact]
    public void RefusesATimeWithAFractionOfASecond()
    {
        Should.Throw<ArgumentException>(() =>
            new Checkpoint("o", 1, new byte[32], CheckpointSamples.SignedAt.AddMilliseconds(1)));
    }

    [Fact]
    public void KeepsItsRootGivenTheCallerChangesTheArray()
    {
        var root = new byte[32];
        var checkpoint = new Checkpoint("o", 1, root, CheckpointSamples.SignedAt);
        var text = checkpoint.Text;

        root[0] = 0xFF;
        checkpoint.Root[1] = 0xFF;

        checkpoint.Text.ShouldBe(text);
    }
}
