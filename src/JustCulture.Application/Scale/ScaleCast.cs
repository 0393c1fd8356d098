using System.Globalization;
using JustCulture.Application.Demo;
using JustCulture.Domain.Staff;

namespace JustCulture.Application.Scale;

/// <summary>
/// Who has an account in a scale seed: an administrator, an auditor, commissioning managers (about one per
/// 1,500 staff, HR / corporate people who manage no one, each from a different team) and every team manager
/// in the adoption snapshot, as a line manager who raises concerns about their own team.
/// </summary>
internal sealed class ScaleCast
{
    private readonly Dictionary<string, string?> _managerOf;

    private ScaleCast(List<(string UserId, string Role, string StaffRef)> accounts, List<(string UserId, string StaffRef)> reviewers,
        Dictionary<string, string> lineManagerUserOf, Dictionary<string, string?> managerOf)
    {
        Accounts = accounts;
        Reviewers = reviewers;
        LineManagerUserOf = lineManagerUserOf;
        _managerOf = managerOf;
        NotSubjects = accounts.Where(a => a.Role != "LineManager").Select(a => a.StaffRef).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<(string UserId, string Role, string StaffRef)> Accounts { get; }

    public IReadOnlyList<(string UserId, string StaffRef)> Reviewers { get; }

    /// <summary>Line manager's staff ref → their user id.</summary>
    public IReadOnlyDictionary<string, string> LineManagerUserOf { get; }

    /// <summary>People with a non-line-manager account: concerns are not raised about the seed's own reviewers.</summary>
    public IReadOnlySet<string> NotSubjects { get; }

    /// <param name="adopted">Who is in the adoption snapshot: every account is someone in it.</param>
    public static ScaleCast Choose(DemoTrust trust, IReadOnlySet<string> adopted)
    {
        var managerRefs = trust.LineManagerRefs.Where(adopted.Contains).ToList();
        var managed = trust.Staff.Where(s => s.LineManagerRef is not null).Select(s => s.LineManagerRef!).ToHashSet(StringComparer.Ordinal);
        var reviewerCount = Math.Clamp(trust.Staff.Count / 1500, 3, 200);
        var corporate = trust.Staff
            .Where(s => adopted.Contains(s.StaffRef) && !managed.Contains(s.StaffRef) && s.LineManagerRef is not null
                && string.Equals(s.StaffGroup, DemoTrustGenerator.AdministrativeAndClerical, StringComparison.Ordinal))
            .OrderBy(s => s.StaffRef, StringComparer.Ordinal)
            .ToList();
        // One per team first, so a reviewer independent of any given case is always near at hand.
        var picked = corporate.GroupBy(s => s.LineManagerRef).Select(g => g.First())
            .Concat(corporate).Distinct().Take(reviewerCount + 2).ToList();
        if (picked.Count < 5)
        {
            throw new InvalidOperationException($"The generated workforce has only {picked.Count} corporate staff who manage no one; at least 5 are needed.");
        }

        var accounts = new List<(string UserId, string Role, string StaffRef)>
        {
            ("admin", "Administrator", picked[0].StaffRef),
            ("auditor", "Auditor", picked[1].StaffRef),
        };
        var reviewers = picked.Skip(2).Select((s, i) => (UserId: i == 0 ? "commissioning" : string.Create(CultureInfo.InvariantCulture, $"commissioning{i + 1}"), s.StaffRef)).ToList();
        accounts.AddRange(reviewers.Select(r => (r.UserId, "CommissioningManager", r.StaffRef)));
        var lineManagers = managerRefs.ToDictionary(r => r, r => "lm." + r.ToLowerInvariant(), StringComparer.Ordinal);
        accounts.AddRange(lineManagers.Select(p => (p.Value, "LineManager", p.Key)));
        var managerOf = trust.Staff.ToDictionary(s => s.StaffRef, s => s.LineManagerRef, StringComparer.Ordinal);
        return new ScaleCast(accounts, reviewers, lineManagers, managerOf);
    }

    /// <summary>The drawn reviewer, or the next one who is independent of the subject and the raiser by person.</summary>
    public string IndependentReviewer(StaffDetails subject, int drawn)
    {
        var parties = new[] { subject.StaffRef, subject.LineManagerRef! };
        var partyManagers = parties.SelectMany(p => LineManagementChain.Walk(p, _managerOf)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < Reviewers.Count; i++)
        {
            var (userId, staffRef) = Reviewers[(drawn + i) % Reviewers.Count];
            var above = LineManagementChain.Walk(staffRef, _managerOf);
            if (!parties.Contains(staffRef) && !partyManagers.Contains(staffRef) && !above.Any(parties.Contains))
            {
                return userId;
            }
        }

        throw new InvalidOperationException($"No reviewer is independent of {subject.StaffRef}.");
    }
}

/// <summary>
/// Draws the person a concern is about, for a reporting year: someone in a line manager's team, in post by the
/// start of the year. BME staff are drawn 1.6 times as often, as concerns are raised about them more often
/// nationally, so indicator 3 has a disparity at the raising stage to show. A binary search over running
/// weights keeps a draw O(log n), whatever the workforce's size.
/// </summary>
#pragma warning disable CA5394 // Synthetic data: a seeded, repeatable generator is the point, not secrecy.
internal sealed class ScaleSubjects(IReadOnlyList<StaffDetails> staff, ScaleCast cast)
{
    private readonly Dictionary<ReportingYearKey, (StaffDetails[] People, double[] RunningWeight)> _byYear = [];

    /// <summary>The latest start date of someone in every snapshot from <paramref name="year"/>'s on, whenever in
    /// its last days that snapshot was imported (the adoption snapshot goes in the day before 31 March).</summary>
    public static DateOnly InEveryImportFrom(Domain.Reporting.ReportingYear year) => year.SnapshotDate.AddDays(-2);

    private readonly record struct ReportingYearKey(int StartYear);

    public StaffDetails? Pick(Domain.Reporting.ReportingYear year, Random random)
    {
        var key = new ReportingYearKey(year.StartYear);
        if (!_byYear.TryGetValue(key, out var pool))
        {
            var joinedBy = InEveryImportFrom(year.Previous);
            var people = staff.Where(s => s.LineManagerRef is not null && cast.LineManagerUserOf.ContainsKey(s.LineManagerRef)
                && !cast.NotSubjects.Contains(s.StaffRef) && s.StartDate <= joinedBy).ToArray();
            var running = new double[people.Length];
            var total = 0.0;
            for (var i = 0; i < people.Length; i++)
            {
                total += people[i].EthnicCode.WresGroup == Domain.Ethnicity.WresGroup.Bme ? 1.6 : 1.0;
                running[i] = total;
            }

            pool = (people, running);
            _byYear[key] = pool;
        }

        if (pool.People.Length == 0)
        {
            return null;
        }

        var roll = random.NextDouble() * pool.RunningWeight[^1];
        var index = Array.BinarySearch(pool.RunningWeight, roll);
        return pool.People[Math.Min(index < 0 ? ~index : index, pool.People.Length - 1)];
    }
}
#pragma warning restore CA5394
