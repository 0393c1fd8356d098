using System.Security.Cryptography;
using System.Text;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>Checkpoints, keys and folders for the checkpoint tests.</summary>
internal static class CheckpointSamples
{
    public const string Origin = "justculture.example/trust-a";

    public static readonly DateTimeOffset SignedAt = new(2027, 1, 15, 14, 5, 0, TimeSpan.Zero);

    public static Checkpoint At(long size, DateTimeOffset? signedAt = null, string origin = Origin) =>
        new(origin, size, SHA256.HashData(Encoding.UTF8.GetBytes($"root of {size}")), signedAt ?? SignedAt);

    public static LogSigningKey NewLogKey() =>
        LogSigningKey.FromPem(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem(), "a test key");

    public static WitnessKey NewWitness(string name) =>
        WitnessKey.FromPem(ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem(), name, "a test witness key");

    /// <summary>The note with the one character at <paramref name="index"/> replaced by another valid one.</summary>
    public static string FlipCharacter(string note, int index)
    {
        var c = note[index];
        var flipped = c == 'A' ? 'B' : 'A';
        return string.Concat(note.AsSpan(0, index), flipped.ToString(), note.AsSpan(index + 1));
    }
}

/// <summary>A fresh directory under the temp folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "justculture-checkpoints-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
