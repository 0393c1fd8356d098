using JustCulture.Application.Common;

namespace JustCulture.Application.Scale;

/// <summary>The size of the synthetic trust (or region) to seed.</summary>
/// <param name="Staff">People in the workforce (the latest snapshot holds nearly all of them).</param>
/// <param name="Concerns">Concerns raised, spread over <paramref name="Years"/> reporting years.</param>
/// <param name="Years">Reporting years with concerns, ending with the current one; each has a headcount snapshot,
/// as does the year before the first (the trust adopted the system then).</param>
/// <param name="Seed">The same seed and sizes always give the same trust and the same cases.</param>
/// <param name="EntriesPerCommit">Log entries after which the seeder commits and the sequencer integrates what was
/// written: each step stays whole, and the queue stays short (on PostgreSQL its head is read by transaction).</param>
/// <param name="StepDays">Concerns opened in this many days before now are played step by step through the use
/// cases, so recent cases and open tasks are made as live use makes them; older ones take the bulk path (the same
/// steps' own parts run in memory, many cases per commit). A value longer than the years seeded plays every step.</param>
public sealed record ScaleSeedOptions(int Staff, int Concerns, int Years = 3, int Seed = 2025, int EntriesPerCommit = 5000, int StepDays = 28)
{
    public const int MinStaff = 100;
    public const int MaxStaff = 2_000_000;
    public const int MaxYears = 10;

    /// <summary>Told about each phase and, every so often, how far the cases have got; may be null.</summary>
    public IProgress<string>? Progress { get; init; }

    internal void Validate()
    {
        var problems = new List<FieldProblem>();
        if (Staff is < MinStaff or > MaxStaff)
        {
            problems.Add(new(nameof(Staff), $"Staff must be between {MinStaff:N0} and {MaxStaff:N0} (was {Staff:N0})."));
        }

        if (Concerns < 0)
        {
            problems.Add(new(nameof(Concerns), $"Concerns cannot be negative (was {Concerns:N0})."));
        }

        if (Years is < 1 or > MaxYears)
        {
            problems.Add(new(nameof(Years), $"Years must be between 1 and {MaxYears} (was {Years})."));
        }

        if (EntriesPerCommit < 1)
        {
            problems.Add(new(nameof(EntriesPerCommit), $"EntriesPerCommit must be at least 1 (was {EntriesPerCommit})."));
        }

        if (StepDays < 0)
        {
            problems.Add(new(nameof(StepDays), $"StepDays cannot be negative (was {StepDays})."));
        }

        InputRules.ThrowIfAny(problems);
    }
}

/// <summary>What the seed made.</summary>
/// <param name="LogEntries">Decision-log entries in the database afterwards (all integrated into the tree).</param>
/// <param name="Steps">Use-case steps run: staff imports, users added, concerns opened and tasks completed (on either path).</param>
/// <param name="BulkConcerns">Concerns built on the bulk path (the rest were played step by step).</param>
public sealed record ScaleSeedResult(
    int Staff,
    int Users,
    int Snapshots,
    int Concerns,
    long Steps,
    int BulkConcerns,
    long LogEntries,
    IReadOnlyDictionary<string, int> ConcernsByStatus,
    IReadOnlyDictionary<string, int> ActionsByRoute,
    TimeSpan Elapsed)
{
    public double EntriesPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : LogEntries / Elapsed.TotalSeconds;
}
