namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// A signed note or checkpoint that does not follow docs/log-format.md §2. The message names where it came from
/// (a file path, or e.g. "the proof's checkpoint") and what is wrong, so a CLI can print it as it is.
/// </summary>
public sealed class CheckpointFormatException : FormatException
{
    public CheckpointFormatException(string sourceName, string problem)
        : base($"{sourceName}: {problem}")
    {
        SourceName = sourceName;
        Problem = problem;
    }

    /// <summary>Where the note came from: a file path or a short description.</summary>
    public string SourceName { get; }

    /// <summary>What is wrong, without the source.</summary>
    public string Problem { get; }
}
