namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// The single row holding the tip of the chain. Every append locks it first (a no-op UPDATE), which
/// serialises concurrent writers on any provider without provider-specific SQL, and comparing it with
/// the last entry is how a deleted tail is detected.
/// </summary>
public sealed class DecisionLogHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = DecisionLogChain.GenesisHash;
}
