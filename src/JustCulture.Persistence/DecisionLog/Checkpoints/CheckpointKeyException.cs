namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// A key file that cannot be used: missing, unreadable, not PEM, or not a P-256 key of the expected kind.
/// The message names the file and says what was found instead.
/// </summary>
public sealed class CheckpointKeyException : FormatException
{
    public CheckpointKeyException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        KeyPath = path;
        Problem = problem;
    }

    /// <summary>The key file (or source) the problem is in.</summary>
    public string KeyPath { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }
}
