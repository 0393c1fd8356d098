using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Staff;
using JustCulture.Application.Tasks;
using JustCulture.Application.Users;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Domain.Staff;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Demo;

public sealed record DemoAccount(string UserId, string Role, string Name);

public sealed record DemoSeedResult(int Staff, int Users, int Concerns, IReadOnlyDictionary<string, int> ConcernsByStatus, IReadOnlyDictionary<string, int> ActionsByRoute, IReadOnlyList<DemoAccount> Accounts);

/// <summary>
/// Builds a realistic synthetic trust: about 1,700 staff with a realistic ethnic mix, users for every role,
/// and concerns at every stage and route spread over three reporting years. Every case goes through the
/// real use cases (with a simulated clock), so the decision log is exactly what live use would produce.
/// </summary>
public sealed class DemoSeeder(JustCultureDbContext db, TriageWorkflow triage, WorkflowRunner runner, TimeProvider clock, DecisionLogWriter log)
{
    public const string LineManagerAccount = "linemanager";
    public const string CommissioningAccount = "commissioning";

    /// <summary>A second commissioning manager, named as the senior approver of suspensions in the Development settings.</summary>
    public const string SeniorApproverAccount = "commissioning2";
    public const string AuditorAccount = "auditor";
    public const string AdministratorAccount = "admin";

    private static readonly string[] Categories = ["Clinical practice", "Medication", "Conduct", "Attendance", "Record keeping", "Communication", "Information governance"];

    private static readonly (string Summary, string[] Actions)[] Scenarios =
    [
        ("Time-critical medication given late on a night shift", ["Administered the 02:00 dose at 03:40", "Did not escalate the delay to the nurse in charge"]),
        ("Controlled drugs register not countersigned", ["Signed the register without a second checker present"]),
        ("Patient records not updated after a fall", ["Did not complete the falls assessment within the shift"]),
        ("Raised voice at a colleague at handover", ["Spoke to a colleague in a raised voice in front of patients"]),
        ("Repeated short-notice absence", ["Did not follow the absence reporting procedure on three occasions"]),
        ("Confidential letter sent to the wrong address", ["Posted a clinic letter without checking the address label"]),
        ("Equipment check missed before theatre list", ["Signed the equipment checklist without completing the check", "Did not report the faulty suction unit"]),
        ("Discharge summary sent without medicines reconciliation", ["Sent the discharge summary before pharmacy review"]),
        ("Access to a family member's health record", ["Opened a relative's record without a work reason"]),
        ("Left the ward without handing over", ["Left the ward 30 minutes early without handover"]),
    ];

    /// <summary>
    /// Seeds the whole demo in one transaction — a crash or a failure part-way leaves the database as empty as it was,
    /// so the next start seeds it again — or inside the caller's, when it has one open (to add more in the same unit).
    /// </summary>
    public async Task<DemoSeedResult> SeedAsync(int seed = 2025, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await SeedInTransactionAsync(seed, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await SeedInTransactionAsync(seed, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<DemoSeedResult> SeedInTransactionAsync(int seed, CancellationToken cancellationToken)
    {
        if (await db.Staff.AnyAsync(cancellationToken) || await db.Concerns.AnyAsync(cancellationToken))
        {
            throw UseCaseException.Conflict("The database already holds staff or concerns; seed demo needs an empty database.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var current = ReportingYear.Containing(now);
        var first = new ReportingYear(current.StartYear - 2);
        var trust = DemoTrustGenerator.Generate(seed, 1700, DateOnly.FromDateTime(now));
        var random = new Random(seed);
        var simulated = new SimulatedClock(first.StartUtc.AddDays(-1));
        var operatorActor = new Actor("demo-seed", "Operator");

        // The trust adopted the system just before the first year: the previous year's snapshot goes in first.
        await ImportSnapshotAsync(trust, first.Previous, simulated, operatorActor, cancellationToken);
        var people = trust.Staff.ToDictionary(s => s.StaffRef, StringComparer.Ordinal);
        var accounts = await AddUsersAsync(trust, people, first.Previous.SnapshotDate, simulated, operatorActor, cancellationToken);

        var reviewers = accounts.Where(a => a.Account.Role == "CommissioningManager").ToArray();
        var managerOf = trust.Staff.ToDictionary(s => s.StaffRef, s => s.LineManagerRef, StringComparer.Ordinal);
        var managersByStaffRef = accounts.Where(a => a.Account.Role == "LineManager").ToDictionary(a => a.StaffRef!, a => a.Account.UserId, StringComparer.Ordinal);
        var excluded = accounts.Where(a => a.StaffRef is not null && a.Account.Role != "LineManager").Select(a => a.StaffRef!).ToHashSet(StringComparer.Ordinal);

        var queue = new PriorityQueue<Func<Task>, DateTime>();
        for (var year = first; year.CompareTo(current) <= 0; year = new ReportingYear(year.StartYear + 1))
        {
            var snapshotYear = year;
            var at = year == current ? now.AddMinutes(-5) : year.EndUtc.AddHours(-12);
            queue.Enqueue(() => ImportSnapshotAsync(trust, snapshotYear, simulated, operatorActor, cancellationToken), at);
        }

        var care = new DemoCaseCare(db, triage, runner, simulated, log, now, queue, seed);
        var openings = PlanOpenings(first, now, random);
        foreach (var openAt in openings)
        {
            var subject = PickSubject(trust.Staff, managersByStaffRef, excluded, ReportingYear.Containing(openAt), random);
            if (subject is null)
            {
                continue;
            }

            var reviewer = IndependentReviewer(reviewers, random.Next(reviewers.Length), subject, managerOf);
            var raiser = managersByStaffRef[subject.LineManagerRef!];
            var recent = now - openAt < TimeSpan.FromDays(7);
            queue.Enqueue(() => OpenAsync(subject, raiser, reviewer, openAt, recent, random, simulated, now, queue, care, cancellationToken), openAt);
        }

        while (queue.TryDequeue(out var step, out var at))
        {
            simulated.UtcNow = at;
            await step();
        }

        return await SummariseAsync(accounts.Select(a => a.Account).ToList(), cancellationToken);
    }

    /// <summary>The drawn reviewer, or the next one who is independent of the subject and the raiser by person.</summary>
    private static string IndependentReviewer((DemoAccount Account, string? StaffRef)[] reviewers, int drawn, StaffDetails subject, Dictionary<string, string?> managerOf)
    {
        var parties = new[] { subject.StaffRef, subject.LineManagerRef! };
        var partyManagers = parties.SelectMany(p => LineManagementChain.Walk(p, managerOf)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < reviewers.Length; i++)
        {
            var (account, staffRef) = reviewers[(drawn + i) % reviewers.Length];
            var above = staffRef is null ? [] : LineManagementChain.Walk(staffRef, managerOf);
            if (staffRef is not null && !parties.Contains(staffRef) && !partyManagers.Contains(staffRef) && !above.Any(parties.Contains))
            {
                return account.UserId;
            }
        }

        throw new InvalidOperationException($"No demo reviewer is independent of {subject.StaffRef}.");
    }

    private static List<DateTime> PlanOpenings(ReportingYear first, DateTime now, Random random)
    {
        var start = first.StartUtc.AddDays(2);
        var span = (now - start).TotalDays - 3;
        // About 45 concerns a year, plus a cluster in the last month so every stage is in progress somewhere.
        var count = (int)(span / 365 * 45);
        var openings = Enumerable.Range(0, count).Select(_ => start.AddDays(random.NextDouble() * span)).ToList();
        openings.AddRange(Enumerable.Range(0, 10).Select(i => now.AddDays(-1 - (i * 2.7)).AddHours(-random.Next(1, 8))));
        return openings.Select(t => t.Date.AddHours(9).AddMinutes(random.Next(0, 480))).Where(t => t < now.AddHours(-1)).OrderBy(t => t).ToList();
    }

    /// <summary>BME staff are raised about more often in the demo, as nationally, so the reports have a
    /// disparity at the raising stage to show.</summary>
    private static StaffDetails? PickSubject(IReadOnlyList<StaffDetails> staff, Dictionary<string, string> managers, HashSet<string> excluded, ReportingYear year, Random random)
    {
        var joinedBy = year.Previous.SnapshotDate;
        var candidates = staff.Where(s => s.LineManagerRef is not null && managers.ContainsKey(s.LineManagerRef)
            && !excluded.Contains(s.StaffRef) && s.StartDate <= joinedBy).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var weights = candidates.Select(s => s.EthnicCode.WresGroup == WresGroup.Bme ? 1.6 : 1.0).ToList();
        var pick = random.NextDouble() * weights.Sum();
        for (var i = 0; i < candidates.Count; i++)
        {
            pick -= weights[i];
            if (pick <= 0)
            {
                return candidates[i];
            }
        }

        return candidates[^1];
    }

    private async Task OpenAsync(StaffDetails subject, string raiser, string reviewer, DateTime openAt, bool recent, Random random,
        SimulatedClock simulated, DateTime now, PriorityQueue<Func<Task>, DateTime> queue, DemoCaseCare care, CancellationToken cancellationToken)
    {
        var (summary, actions) = Scenarios[random.Next(Scenarios.Length)];
        var category = Categories[random.Next(Categories.Length)];
        var open = new OpenConcernHandler(db, triage, runner, simulated, log);
        var concernId = await open.HandleAsync(new OpenConcernCommand(subject.StaffRef, raiser, summary, actions, category,
            DateOnly.FromDateTime(openAt.AddDays(-random.Next(1, 10)))), cancellationToken);

        for (var ordinal = 1; ordinal <= actions.Length; ordinal++)
        {
            var plan = new Queue<PlannedAnswer>(PlanAnswers(random, recent));
            ScheduleNext(new PlannedCase(concernId, ordinal, subject.EthnicCode.WresGroup, raiser, reviewer), plan, openAt, simulated, now, queue, care, cancellationToken);
        }
    }

    private sealed record PlannedCase(Guid ConcernId, int Ordinal, WresGroup Group, string Raiser, string Reviewer);

    private void ScheduleNext(PlannedCase planned, Queue<PlannedAnswer> plan, DateTime after,
        SimulatedClock simulated, DateTime now, PriorityQueue<Func<Task>, DateTime> queue, DemoCaseCare care, CancellationToken cancellationToken)
    {
        if (!plan.TryPeek(out var next) || after + next.After >= now)
        {
            return; // Later steps have not happened yet: the case stays where it is.
        }

        var at = after + next.After;
        queue.Enqueue(async () =>
        {
            plan.Dequeue();
            var tasks = await new ListTasksHandler(db, triage).HandleAsync(new ListTasksQuery(planned.ConcernId), cancellationToken);
            var task = tasks.First(t => t.ActionOrdinal == planned.Ordinal);
            var byReviewer = task.Role != "LineManager";
            var actor = byReviewer ? planned.Reviewer : planned.Raiser;
            var (conflict, details) = byReviewer ? DemoCasePlans.ConflictFor(planned.ConcernId) : (null, null);
            if (byReviewer)
            {
                await care.BeforeReviewAsync(planned.ConcernId, planned.Reviewer, cancellationToken);
            }

            var done = await new CompleteTaskHandler(new Cases.CaseStep(db, triage, runner, simulated, log)).HandleAsync(
                new CompleteTaskCommand(task.TaskId, actor, next.Answer, next.Rationale, next.InformalNotAppropriate, Conflict: conflict, ConflictDetails: details),
                cancellationToken);
            care.AfterStep(planned.ConcernId, planned.Ordinal, planned.Reviewer, planned.Group, next.Answer, done.ConcernStatus, cancellationToken);
            ScheduleNext(planned, plan, at, simulated, now, queue, care, cancellationToken);
        }, at);
    }

    private static List<PlannedAnswer> PlanAnswers(Random random, bool recent)
    {
        var outcome = DemoCasePlans.Weighted(DemoCasePlans.OutcomeWeights, random);
        var paths = DemoCasePlans.ChecklistPathsTo(outcome);
        var checklist = paths[random.Next(paths.Count)];
        var answers = checklist.Select(a => new PlannedAnswer(a, TimeSpan.FromMinutes(random.Next(1, 6)))).ToList();
        if (recent && random.NextDouble() < 0.4)
        {
            // A line manager part-way through the checklist.
            return answers.Take(random.Next(0, answers.Count)).ToList();
        }

        var route = DemoCasePlans.Weighted(DemoCasePlans.RouteWeights(outcome), random);
        DemoCasePlans.AddReview(answers, route, outcome, random);
        if (route == CaseRoute.InformalResolution)
        {
            var resolved = random.NextDouble() < 0.75;
            answers.Add(new PlannedAnswer(resolved ? "Resolved" : "NotResolved", TimeSpan.FromDays(random.Next(20, 45)),
                resolved ? "Agreed actions completed and reviewed with the member of staff." : "Agreed actions not completed; returned for review."));
            if (!resolved)
            {
                DemoCasePlans.AddReview(answers, random.NextDouble() < 0.5 ? CaseRoute.FormalInvestigation : CaseRoute.Support, outcome, random);
            }
        }

        return answers;
    }

    private async Task ImportSnapshotAsync(DemoTrust trust, ReportingYear year, TimeProvider at, Actor actor, CancellationToken cancellationToken)
    {
        // Keep every line-management chain whole (a file may not name a manager it does not contain):
        // someone whose manager had not started yet joins the snapshot a year later.
        var employed = trust.Staff.Where(s => s.StartDate <= year.SnapshotDate).ToList();
        int before;
        do
        {
            before = employed.Count;
            var present = employed.Select(s => s.StaffRef).ToHashSet(StringComparer.Ordinal);
            employed = employed.Where(s => s.LineManagerRef is null || present.Contains(s.LineManagerRef)).ToList();
        }
        while (employed.Count != before);

        using var csv = new StringReader(DemoTrustGenerator.ToCsv(employed));
        await new ImportStaffHandler(db, at, log).HandleAsync(new ImportStaffCommand(csv, $"demo-staff-{year}.csv", year.ToString(), actor), cancellationToken);
    }

    private async Task<List<(DemoAccount Account, string? StaffRef)>> AddUsersAsync(DemoTrust trust, Dictionary<string, StaffDetails> people,
        DateOnly employedBy, TimeProvider at, Actor actor, CancellationToken cancellationToken)
    {
        var managerRefs = trust.LineManagerRefs.Where(r => people[r].StartDate <= employedBy).ToList();
        var managerSet = managerRefs.ToHashSet(StringComparer.Ordinal);
        var managed = trust.Staff.Where(s => s.LineManagerRef is not null).Select(s => s.LineManagerRef!).ToHashSet(StringComparer.Ordinal);
        // Commissioning managers and the auditor are HR / corporate staff who manage no one.
        var corporate = trust.Staff
            .Where(s => s.StartDate <= employedBy && !managed.Contains(s.StaffRef) && !managerSet.Contains(s.StaffRef)
                && string.Equals(s.StaffGroup, "Administrative and Clerical", StringComparison.Ordinal))
            .OrderBy(s => s.StaffRef, StringComparer.Ordinal)
            .Take(5)
            .ToList();

        var plan = new List<(string UserId, string Role, string? StaffRef)>
        {
            (AdministratorAccount, "Administrator", corporate[0].StaffRef),
            (AuditorAccount, "Auditor", corporate[1].StaffRef),
            (CommissioningAccount, "CommissioningManager", corporate[2].StaffRef),
            (SeniorApproverAccount, "CommissioningManager", corporate[3].StaffRef),
            ("commissioning3", "CommissioningManager", corporate[4].StaffRef),
        };
        plan.AddRange(managerRefs.Select((r, i) => (i == 0 ? LineManagerAccount : $"lm.{r.ToLowerInvariant()}", "LineManager", (string?)r)));

        var handler = new AddUserHandler(db, at, log);
        var added = new List<(DemoAccount, string?)>();
        foreach (var (userId, role, staffRef) in plan)
        {
            var name = staffRef is null ? userId : people[staffRef].Name;
            await handler.HandleAsync(new AddUserCommand(userId, name, role, staffRef, actor), cancellationToken);
            added.Add((new DemoAccount(userId, role, name), staffRef));
        }

        return added;
    }

    private async Task<DemoSeedResult> SummariseAsync(List<DemoAccount> accounts, CancellationToken cancellationToken)
    {
        var byStatus = await db.Concerns.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byRoute = await db.ConcernActions.Where(a => a.Route != null).GroupBy(a => a.Route).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new DemoSeedResult(
            await db.Staff.CountAsync(cancellationToken),
            accounts.Count,
            await db.Concerns.CountAsync(cancellationToken),
            byStatus.ToDictionary(x => x.Key.ToString(), x => x.Count),
            byRoute.ToDictionary(x => x.Key!.Value.ToString(), x => x.Count),
            accounts.Where(a => a.UserId is AdministratorAccount or AuditorAccount or CommissioningAccount or LineManagerAccount).ToList());
    }
}
