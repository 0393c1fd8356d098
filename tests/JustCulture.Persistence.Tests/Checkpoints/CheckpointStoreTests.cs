using System.Text;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>docs/log-format.md §2.1: one file per checkpointed size, written whole, cosignatures only ever added.</summary>
public sealed class CheckpointStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LogSigningKey _log = CheckpointSamples.NewLogKey();
    private readonly WitnessKey _witness = CheckpointSamples.NewWitness("witness.example/board");

    public void Dispose()
    {
        _log.Dispose();
        _witness.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void CreatesTheDirectoryGivenItIsMissing()
    {
        var directory = Path.Combine(_folder.Path, "db.sqlite.checkpoints");

        var store = new CheckpointStore(directory);

        Directory.Exists(directory).ShouldBeTrue();
        store.Newest().ShouldBeNull();
        store.ReadAll().ShouldBeEmpty();
    }

    [Fact]
    public void WritesOneNamedFileAndNoTemporaryOne()
    {
        var store = new CheckpointStore(_folder.Path);
        var checkpoint = CheckpointSamples.At(2914);
        var note = _log.SignCheckpoint(checkpoint);

        var stored = store.Write(note, checkpoint);

        stored.FilePath.ShouldBe(_folder.File("checkpoint-000000002914.txt"));
        File.ReadAllBytes(stored.FilePath).ShouldBe(Encoding.UTF8.GetBytes(note));
        Directory.GetFiles(_folder.Path).ShouldBe([stored.FilePath]);
    }

    [Fact]
    public void ReadsAllBySizeAndNewestIsTheLargest()
    {
        var store = new CheckpointStore(_folder.Path);
        var notes = new Dictionary<long, string>();
        foreach (var size in new long[] { 100, 7, 2914, 40 })
        {
            notes[size] = _log.SignCheckpoint(CheckpointSamples.At(size));
            store.Write(notes[size], CheckpointSamples.At(size));
        }

        File.WriteAllText(_folder.File("README.txt"), "not a checkpoint");
        File.WriteAllText(_folder.File("checkpoint-12.txt"), "wrong width");
        File.WriteAllText(_folder.File(".checkpoint-000000009999.txt.1234.tmp"), "half written");

        var all = store.ReadAll();

        all.Select(c => c.Checkpoint.Size).ShouldBe([7L, 40, 100, 2914]);
        all.Select(c => c.NoteText).ShouldBe([notes[7], notes[40], notes[100], notes[2914]]);
        all[0].FilePath.ShouldBe(_folder.File("checkpoint-000000000007.txt"));
        var newest = store.Newest().ShouldNotBeNull();
        newest.Checkpoint.ShouldBe(CheckpointSamples.At(2914));
        new CheckpointVerifier(_log.PublicKey, CheckpointSamples.Origin).Verify(newest.NoteText, newest.FilePath).IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public void ReplacesTheFileGivenTheSameNoteWithACosignatureAdded()
    {
        var store = new CheckpointStore(_folder.Path);
        var checkpoint = CheckpointSamples.At(2914);
        var note = _log.SignCheckpoint(checkpoint);
        store.Write(note, checkpoint);

        var cosigned = _witness.Cosign(note, new CheckpointVerifier(_log.PublicKey, CheckpointSamples.Origin), CheckpointSamples.SignedAt);
        store.Write(cosigned, checkpoint);

        store.Newest().ShouldNotBeNull().NoteText.ShouldBe(cosigned);
        Directory.GetFiles(_folder.Path).Length.ShouldBe(1);
    }

    [Fact]
    public void RefusesGivenANoteThatDropsASignature()
    {
        var store = new CheckpointStore(_folder.Path);
        var checkpoint = CheckpointSamples.At(2914);
        var note = _log.SignCheckpoint(checkpoint);
        var cosigned = _witness.Cosign(note, new CheckpointVerifier(_log.PublicKey, CheckpointSamples.Origin), CheckpointSamples.SignedAt);
        store.Write(cosigned, checkpoint);

        var error = Should.Throw<InvalidOperationException>(() => store.Write(note, checkpoint));

        error.Message.ShouldStartWith("A checkpoint for size 2914 already exists");
        error.Message.ShouldContain("drops");
        File.ReadAllText(store.PathFor(2914)).ShouldBe(cosigned);
    }

    [Fact]
    public void RefusesGivenTheSameNoteAgain()
    {
        var store = new CheckpointStore(_folder.Path);
        var checkpoint = CheckpointSamples.At(2914);
        var note = _log.SignCheckpoint(checkpoint);
        store.Write(note, checkpoint);

        Should.Throw<InvalidOperationException>(() => store.Write(note, checkpoint))
            .Message.ShouldStartWith("A checkpoint for size 2914 already exists");
    }

    [Fact]
    public void RefusesGivenAnotherCheckpointOfTheSameSize()
    {
        var store = new CheckpointStore(_folder.Path);
        var first = CheckpointSamples.At(2914);
        store.Write(_log.SignCheckpoint(first), first);
        var later = CheckpointSamples.At(2914, CheckpointSamples.SignedAt.AddHours(1));

        Should.Throw<InvalidOperationException>(() => store.Write(_log.SignCheckpoint(later), later))
            .Message.ShouldContain("with a different root or time");
        store.Newest().ShouldNotBeNull().Checkpoint.ShouldBe(first);
    }

    [Fact]
    public void RefusesGivenANoteForAnotherCheckpoint()
    {
        var store = new CheckpointStore(_folder.Path);

        Should.Throw<ArgumentException>(() => store.Write(_log.SignCheckpoint(CheckpointSamples.At(1)), CheckpointSamples.At(2)));
        store.ReadAll().ShouldBeEmpty();
    }

    [Fact]
    public void NamesTheFileGivenAMalformedCheckpoint()
    {
        var store = new CheckpointStore(_folder.Path);
        var path = store.PathFor(2914);
        var good = _log.SignCheckpoint(CheckpointSamples.At(2914));
        File.WriteAllText(path, good.Replace("\n2914\n", "\n2914\nextra\n", StringComparison.Ordinal));

        Should.Throw<CheckpointFormatException>(() => store.ReadAll()).Message.ShouldStartWith(path + ": line 5: ");
        Should.Throw<CheckpointFormatException>(() => store.Newest()).Message.ShouldStartWith(path + ": ");
    }

    [Fact]
    public void NamesTheFileGivenABadRoot()
    {
        var store = new CheckpointStore(_folder.Path);
        var path = store.PathFor(2914);
        var lines = _log.SignCheckpoint(CheckpointSamples.At(2914)).Split('\n');
        lines[2] = "AAAA";
        File.WriteAllText(path, string.Join('\n', lines));

        Should.Throw<CheckpointFormatException>(() => store.ReadAll())
            .Message.ShouldBe($"{path}: line 3: the root is not base64 of 32 bytes");
    }

    [Fact]
    public void NamesTheFileGivenASizeThatDisagreesWithItsName()
    {
        var store = new CheckpointStore(_folder.Path);
        var path = store.PathFor(2913);
        File.WriteAllText(path, _log.SignCheckpoint(CheckpointSamples.At(2914)));

        Should.Throw<CheckpointFormatException>(() => store.ReadAll()).Message.ShouldStartWith(path + ": the checkpoint's tree size is 2914");
    }

    [Fact]
    public void RefusesToWriteOverAMalformedFile()
    {
        var store = new CheckpointStore(_folder.Path);
        var checkpoint = CheckpointSamples.At(2914);
        File.WriteAllText(store.PathFor(2914), "garbage");

        Should.Throw<CheckpointFormatException>(() => store.Write(_log.SignCheckpoint(checkpoint), checkpoint))
            .Message.ShouldStartWith(store.PathFor(2914) + ": ");
        File.ReadAllText(store.PathFor(2914)).ShouldBe("garbage");
    }
}
