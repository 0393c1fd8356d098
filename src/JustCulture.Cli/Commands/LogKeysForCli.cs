using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Cli.Commands;

/// <summary>The keys and kept checkpoints a command checks exports and proofs with.</summary>
internal static class LogKeysForCli
{
    /// <summary>
    /// The given public key, or this installation's when its signing key exists. Never makes a key: checking
    /// something against a key made a moment ago would only ever say "not signed by the log's key".
    /// </summary>
    public static CheckpointVerifier Verifier(CliContext cli, FileInfo? publicKey)
    {
        var trust = cli.Get<DecisionLogTrust>();
        if (publicKey is not null)
        {
            return new CheckpointVerifier(LogPublicKey.Load(publicKey.FullName), trust.Origin, trust.Witnesses);
        }

        if (!File.Exists(trust.Settings.SigningKeyPath))
        {
            throw new FormatException($"No public key to check with: give --public-key <file.pem> (this installation has no signing key at {trust.Settings.SigningKeyPath}).");
        }

        return trust.Verifier();
    }

    public static IReadOnlyList<StoredCheckpoint> Kept(DirectoryInfo folder) => folder.Exists
        ? new CheckpointStore(folder.FullName).ReadAll()
        : throw new DirectoryNotFoundException($"{folder.FullName}: folder of kept checkpoints not found");
}
