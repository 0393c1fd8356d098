using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>The exact bytes that are signed (docs/log-format.md §2) and how a private key signs them.</summary>
internal static class CheckpointMessages
{
    /// <summary>What the log signs: the checkpoint text itself.</summary>
    public static byte[] LogSigned(string checkpointText) => Encoding.UTF8.GetBytes(checkpointText);

    /// <summary>What a witness signs: <c>cosignature/v1\ntime &lt;t&gt;\n</c> then the checkpoint text.</summary>
    public static byte[] Cosigned(string checkpointText, long unixSeconds) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"cosignature/v1\ntime {unixSeconds}\n{checkpointText}"));

    public static byte[] SignDer(ECDsa key, byte[] message) =>
        key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
}
