using System.Globalization;
using JustCulture.Application.Cases;
using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Demo;
using JustCulture.Application.Staff;
using JustCulture.Application.Tasks;
using JustCulture.Application.Users;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Reporting;
using JustCulture.Domain.Staff;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore.Storage;

namespace JustCulture.Application.Scale;

/// <summary>
/// One scale seed: every step is put on a timeline (snapshot imports at each year's end, each concern's opening,
/// then each answer a while after the one before) and the timeline is played in order on the simulated clock.
/// Steps whose time has not come by "now" are never played, so recent cases stay part-way, at every stage.
/// Concerns opened more than <see cref="ScaleSeedOptions.StepDays"/> days before now — the history, nearly all
/// of it finished — take the bulk path (<see cref="ScaleBulkCases"/>): each case run in memory through the
/// steps' own parts, many cases appended and saved per commit, in order of opening between the snapshot imports.
/// The rest are played step by step, so the open tasks of the last weeks are made exactly as live use makes them.
/// </summary>
#pragma warning disable CA5394 // Synthetic data: a seeded, repeatable generator is the point, not secrecy.
internal sealed class ScaleSeedRun(JustCultureDbContext db, ScaleSeedOptions options, TriageWorkflow triage, WorkflowRunner runner,
    DecisionLogWriter log, DecisionLogSequencer sequencer, DateTime nowUtc)
{
    private static readonly Actor Operator = new("scale-seed", "Operator");

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
        ("Left the ward without handing over", ["Left the ward 30 minutes early without handover"]),
    ];

    private readonly Random _random = new(options.Seed);
    private readonly SimulatedClock _clock = new(nowUtc);
    private readonly PriorityQueue<Func<CancellationToken, Task>, DateTime> _timeline = new();
    private readonly ChecklistPathKeys _checklistKeys = new(triage.Current, runner);
    private readonly List<PlannedCase> _bulk = [];
    private ScaleBulkCases? _bulkCases;
    private int _bulkNext;
    private IDbContextTransaction? _transaction;
    private long _appendedAtCommit;
    private long _reportedAt = System.Diagnostics.Stopwatch.GetTimestamp();

    private long _steps;

    public long Steps => _steps + (_bulkCases?.Steps ?? 0);

    /// <summary>Concerns built on the bulk path.</summary>
    public int BulkConcerns => _bulk.Count;

    public async Task ExecuteAsync(CancellationToken ct)
    {
        var years = SeedYears.Ending(nowUtc, options.Years);
        options.Progress?.Report($"Generating a workforce of {options.Staff:N0} ...");
        var trust = DemoTrustGenerator.Generate(options.Seed, options.Staff, DateOnly.FromDateTime(nowUtc));
        var people = trust.Staff.ToDictionary(s => s.StaffRef, StringComparer.Ordinal);

        _transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The trust adopted the system just before the first year: that snapshot goes in first, then the users.
            _clock.UtcNow = years.First.StartUtc.AddDays(-1);
            var adopted = await ImportSnapshotAsync(trust, years.First.Previous, ct);
            var cast = await AddUsersAsync(trust, people, adopted, ct);

            foreach (var year in years.WithSnapshots().Skip(1))
            {
                var at = year == years.Current ? nowUtc.AddMinutes(-5) : year.EndUtc.AddHours(-12);
                _timeline.Enqueue(async c => await ImportSnapshotAsync(trust, year, c), at);
            }

            PlanConcerns(trust, cast, years, ct);
            var users = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Users), u => u.UserId, StringComparer.Ordinal, ct);
            _bulkCases = new ScaleBulkCases(db, triage, runner, log, users, nowUtc);
            options.Progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"Walking {options.Concerns:N0} concerns through {options.Years} reporting year(s): {_bulk.Count:N0} in bulk, the last {options.StepDays} days' step by step ..."));
            while (_timeline.TryPeek(out var step, out var at))
            {
                // History opened before this step goes first, so each case sees the staff records of its time.
                await BulkUpToAsync(at, ct);
                _timeline.Dequeue();
                _clock.UtcNow = at;
                await step(ct);
                _steps++;
                if (log.Appended - _appendedAtCommit >= options.EntriesPerCommit)
                {
                    await CommitAndIntegrateAsync(ct);
                }
            }

            await BulkUpToAsync(DateTime.MaxValue, ct);

            await CommitAndIntegrateAsync(ct, reopen: false);
        }
        finally
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }
        }
    }

    /// <summary>Commits the steps so far and has the sequencer place their entries in the tree (it runs its own transactions).</summary>
    private async Task CommitAndIntegrateAsync(CancellationToken ct, bool reopen = true)
    {
        await _transaction!.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = null;
        db.ChangeTracker.Clear();
        await sequencer.IntegrateAsync(db, ct);
        _appendedAtCommit = log.Appended;
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_reportedAt) > TimeSpan.FromSeconds(10))
        {
            options.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"  {Steps:N0} steps, {log.Appended:N0} log entries, simulated date {_clock.UtcNow:yyyy-MM-dd}"));
            _reportedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        }
        if (reopen)
        {
            _transaction = await db.Database.BeginTransactionAsync(ct);
        }
    }

    private void PlanConcerns(DemoTrust trust, ScaleCast cast, SeedYears years, CancellationToken ct)
    {
        var subjects = new ScaleSubjects(trust.Staff, cast);
        var start = years.First.StartUtc.AddDays(2);
        var end = nowUtc.AddHours(-2);
        var span = (end - start).TotalDays;
        // Most concerns spread evenly; a few in the last ten days so every stage is in progress somewhere.
        var recent = Math.Min(options.Concerns, Math.Max(12, options.Concerns / 50));
        var bulkBefore = nowUtc.AddDays(-options.StepDays);
        for (var i = 0; i < options.Concerns; i++)
        {
            var day = i < recent ? span - (_random.NextDouble() * Math.Min(10, span)) : _random.NextDouble() * span;
            var openAt = start.AddDays(day).Date.AddHours(9).AddMinutes(_random.Next(0, 480));
            if (openAt >= end)
            {
                openAt = end.AddMinutes(-_random.Next(1, 60));
            }

            var subject = subjects.Pick(ReportingYear.Containing(openAt), _random);
            if (subject is null)
            {
                continue;
            }

            var raiser = cast.LineManagerUserOf[subject.LineManagerRef!];
            var reviewer = cast.IndependentReviewer(subject, _random.Next(cast.Reviewers.Count));
            var isRecent = nowUtc - openAt < TimeSpan.FromDays(7);
            var plans = Scenarios[_random.Next(Scenarios.Length)];
            var category = Categories[_random.Next(Categories.Length)];
            var incident = DateOnly.FromDateTime(openAt.AddDays(-_random.Next(1, 10)));
            var answers = plans.Actions.Select(_ => ScalePlans.Answers(_random, isRecent)).ToList();
            var command = new OpenConcernCommand(subject.StaffRef, raiser, plans.Summary, plans.Actions, category, incident);
            if (openAt < bulkBefore)
            {
                _bulk.Add(new PlannedCase(openAt, command, raiser, reviewer, answers));
                continue;
            }

            _timeline.Enqueue(c => OpenAsync(command, raiser, reviewer, answers, c), openAt);
        }

        // Stable: cases opened in the same minute keep the order they were drawn in.
        var ordered = _bulk.Select((c, i) => (c, i)).OrderBy(p => p.c.OpenAt).ThenBy(p => p.i).Select(p => p.c).ToList();
        _bulk.Clear();
        _bulk.AddRange(ordered);
    }

    /// <summary>Builds the bulk cases opened before <paramref name="until"/>, many per commit.</summary>
    private async Task BulkUpToAsync(DateTime until, CancellationToken ct)
    {
        const int CasesPerRead = 256;
        var added = 0;
        while (_bulkNext < _bulk.Count && _bulk[_bulkNext].OpenAt < until)
        {
            var end = _bulkNext;
            while (end < _bulk.Count && end - _bulkNext < CasesPerRead && _bulk[end].OpenAt < until)
            {
                end++;
            }

            added += await _bulkCases!.AddAsync(_bulk.GetRange(_bulkNext, end - _bulkNext), ct);
            _bulkNext = end;
            _clock.UtcNow = _bulk[end - 1].OpenAt; // for the progress line; every step sets the clock before it runs
            if (added >= options.EntriesPerCommit)
            {
                await AddedRowsWriter.WriteAsync(db, ct);
                await CommitAndIntegrateAsync(ct);
                added = 0;
            }
        }

        if (added > 0)
        {
            await AddedRowsWriter.WriteAsync(db, ct);
            await CommitAndIntegrateAsync(ct);
        }
    }

    private async Task OpenAsync(OpenConcernCommand command, string raiser, string reviewer, List<ActionPlan> plans, CancellationToken ct)
    {
        var concernId = await new OpenConcernHandler(db, triage, runner, _clock, log).HandleAsync(command, ct);
        var openedAt = _clock.UtcNow;
        var tasks = await new ListTasksHandler(db, triage).HandleAsync(new ListTasksQuery(concernId), ct);
        foreach (var task in tasks)
        {
            var ordinal = task.ActionOrdinal;
            var plan = plans[ordinal - 1];
            if (plan.Checklist is not { } checklist)
            {
                ScheduleNext(concernId, task.TaskId, plan.OneByOne, raiser, reviewer, openedAt);
                continue;
            }

            _timeline.Enqueue(async c =>
            {
                await new SubmitChecklistHandler(NewCaseStep(), runner, db).HandleAsync(
                    new SubmitChecklistCommand(concernId, ordinal, raiser, _checklistKeys.For(checklist), ExpectedVersion: null), c);
                var review = (await new ListTasksHandler(db, triage).HandleAsync(new ListTasksQuery(concernId), c)).First(t => t.ActionOrdinal == ordinal);
                ScheduleNext(concernId, review.TaskId, plan.OneByOne, raiser, reviewer, _clock.UtcNow);
            }, openedAt + plan.ChecklistTakes);
        }
    }

    private CaseStep NewCaseStep() => new(db, triage, runner, _clock, log);

    private void ScheduleNext(Guid concernId, Guid taskId, Queue<PlannedAnswer> plan, string raiser, string reviewer, DateTime after)
    {
        if (!plan.TryDequeue(out var next) || after + next.After >= nowUtc)
        {
            return; // Later steps have not happened yet: the case stays where it is.
        }

        _timeline.Enqueue(async ct =>
        {
            var byReviewer = ScalePlans.IsReviewerAnswer(next.Answer);
            var (conflict, details) = byReviewer ? DemoCasePlans.ConflictFor(concernId) : (null, null);
            var done = await new CompleteTaskHandler(NewCaseStep()).HandleAsync(
                new CompleteTaskCommand(taskId, byReviewer ? reviewer : raiser, next.Answer, next.Rationale, next.InformalNotAppropriate,
                    Conflict: conflict, ConflictDetails: details),
                ct);
            if (done.NextTaskIds.Count > 0)
            {
                ScheduleNext(concernId, done.NextTaskIds[0], plan, raiser, reviewer, _clock.UtcNow);
            }
        }, after + next.After);
    }

    /// <returns>The staff refs in the snapshot.</returns>
    private async Task<HashSet<string>> ImportSnapshotAsync(DemoTrust trust, ReportingYear year, CancellationToken ct)
    {
        // Keep every line-management chain whole (a file may not name a manager it does not contain):
        // someone whose manager had not started yet joins the snapshot a year later.
        // The adoption snapshot goes in the day before 31 March: nobody can start after the day of import.
        var employedBy = DateOnly.FromDateTime(_clock.UtcNow) < year.SnapshotDate ? DateOnly.FromDateTime(_clock.UtcNow) : year.SnapshotDate;
        var employed = trust.Staff.Where(s => s.StartDate <= employedBy).ToList();
        int before;
        do
        {
            before = employed.Count;
            var present = employed.Select(s => s.StaffRef).ToHashSet(StringComparer.Ordinal);
            employed = employed.Where(s => s.LineManagerRef is null || present.Contains(s.LineManagerRef)).ToList();
        }
        while (employed.Count != before);

        options.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"  importing the {year} snapshot ({employed.Count:N0} staff)"));
        using var csv = new StringReader(DemoTrustGenerator.ToCsv(employed));
        await new ImportStaffHandler(db, _clock, log).HandleAsync(
            new ImportStaffCommand(csv, $"scale-staff-{year}.csv", year.ToString(), Operator, WholeWorkforceConfirmed: true), ct);
        db.ChangeTracker.Clear();
        return employed.Select(s => s.StaffRef).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<ScaleCast> AddUsersAsync(DemoTrust trust, Dictionary<string, StaffDetails> people, HashSet<string> adopted, CancellationToken ct)
    {
        var cast = ScaleCast.Choose(trust, adopted);
        options.Progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"  adding {cast.Accounts.Count:N0} users ({cast.Reviewers.Count} commissioning managers, {cast.LineManagerUserOf.Count:N0} line managers)"));
        var handler = new AddUserHandler(db, _clock, log);
        foreach (var (userId, role, staffRef) in cast.Accounts)
        {
            await handler.HandleAsync(new AddUserCommand(userId, people[staffRef].Name, role, staffRef, Operator), ct);
            _steps++;
            if (log.Appended - _appendedAtCommit >= options.EntriesPerCommit)
            {
                await CommitAndIntegrateAsync(ct);
            }
        }

        db.ChangeTracker.Clear();
        return cast;
    }
}
#pragma warning restore CA5394
