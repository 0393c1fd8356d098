using JustCulture.Application.Cases;
using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Demo;
using JustCulture.Application.Review;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Workflows;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Scale;

/// <summary>One concern the seed will raise, with everything drawn for it up front.</summary>
internal sealed record PlannedCase(DateTime OpenAt, OpenConcernCommand Command, string Raiser, string Reviewer, List<ActionPlan> Plans);

/// <summary>
/// The bulk path for historical cases: each case's whole life (opening, checklists, reviews, results) is run in
/// memory through the steps' own parts — <see cref="OpenConcernHandler.Open"/>, <see cref="CaseStep.Decide{TResult}"/>
/// with the checklist submit's and task completion's own calls — so the state and entries are exactly those
/// the steps make. Only the database work is batched: many cases are added, appended to the log (one
/// <see cref="DecisionLogWriter.AppendAsync"/>: ids, case keys, seals) and saved at once, in the caller's transaction.
/// A case's entries stay consecutive and in time order; across cases the log is in order of opening.
/// </summary>
internal sealed class ScaleBulkCases(JustCultureDbContext db, TriageWorkflow triage, WorkflowRunner runner, DecisionLogWriter log,
    IReadOnlyDictionary<string, User> users, DateTime nowUtc)
{
    private readonly SimulatedClock _clock = new(nowUtc);
    private readonly ChecklistPathKeys _checklistKeys = new(triage.Current, runner);

    public long Steps { get; private set; }

    /// <summary>Runs these cases and adds them, their instances and their entries to the context (not saved).</summary>
    /// <returns>The entries appended.</returns>
    public async Task<int> AddAsync(IReadOnlyList<PlannedCase> cases, CancellationToken ct)
    {
        // Each case sees the staff records as they stand now, as its steps would (the latest snapshot imported).
        var refs = cases.SelectMany(c => new[] { c.Command.SubjectStaffRef, users[c.Raiser].StaffRef, users[c.Reviewer].StaffRef })
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => refs.Contains(s.StaffRef)).ToDictionaryAsync(s => s.StaffRef, StringComparer.Ordinal, ct);
        var entries = new List<DecisionLogEntry>();
        foreach (var planned in cases)
        {
            entries.AddRange(Run(planned, staff));
        }
        await log.AppendAsync(db, entries, ct);
        return entries.Count;
    }

    private List<DecisionLogEntry> Run(PlannedCase planned, Dictionary<string, StaffMember> staff)
    {
        var raiser = users[planned.Raiser];
        var reviewer = users[planned.Reviewer];
        var subject = staff[planned.Command.SubjectStaffRef];
        var raiserStaff = staff.GetValueOrDefault(raiser.StaffRef!);
        var reviewerStaff = staff.GetValueOrDefault(reviewer.StaffRef!);
        OpenConcernHandler.Validate(planned.Command);
        var opened = OpenConcernHandler.Open(triage.Current, runner, planned.Command, raiser, subject, raiserStaff, planned.OpenAt);
        db.Concerns.Add(opened.Concern);
        db.WorkflowInstances.AddRange(opened.Instances);
        Steps++;

        var entries = new List<DecisionLogEntry>(opened.Entries);
        var concern = opened.Concern;
        var instances = opened.Instances.ToDictionary(i => i.Id);
        var step = new CaseStep(db, triage, runner, _clock, log);
        // The case's own timeline: its actions' steps interleave by time, as they would in live use.
        var timeline = new PriorityQueue<Action, DateTime>();

        LoadedCase Loaded(WorkflowInstanceRecord instance, User actor, StaffMember? actorStaff) => new()
        {
            Concern = concern,
            Subject = subject,
            RaiserStaff = raiserStaff,
            Actor = actor,
            ActorStaff = actorStaff,
            Instance = instance,
        };

        void ScheduleNext(WorkflowInstanceRecord instance, Guid taskId, Queue<PlannedAnswer> plan, DateTime after)
        {
            if (!plan.TryDequeue(out var next) || after + next.After >= nowUtc)
            {
                return; // Later steps have not happened yet: the case stays where it is.
            }

            timeline.Enqueue(() =>
            {
                var byReviewer = ScalePlans.IsReviewerAnswer(next.Answer);
                var (conflict, details) = byReviewer ? DemoCasePlans.ConflictFor(concern.Id) : (null, null);
                var (nextTasks, stepEntries) = step.Decide(
                    Loaded(instance, byReviewer ? reviewer : raiser, byReviewer ? reviewerStaff : raiserStaff),
                    new CaseStepRequest(CaseTarget.Task(taskId), byReviewer ? reviewer.UserId : raiser.UserId),
                    onCase =>
                    {
                        // As task completion does: the declaration first, then the answer.
                        ConflictDeclaration.Record(onCase, conflict, details);
                        onCase.Resume(taskId, next.Answer, next.Rationale, next.InformalNotAppropriate);
                    },
                    onCase => onCase.State.Bookmarks.Select(b => b.BookmarkId).ToList());
                entries.AddRange(stepEntries);
                Steps++;
                if (nextTasks.Count > 0)
                {
                    ScheduleNext(instance, nextTasks[0], plan, _clock.UtcNow);
                }
            }, after + next.After);
        }

        foreach (var action in concern.Actions)
        {
            var plan = planned.Plans[action.Ordinal - 1];
            var instance = instances[action.WorkflowInstanceId];
            if (plan.Checklist is not { } checklist)
            {
                ScheduleNext(instance, Pending(instance), plan.OneByOne, planned.OpenAt);
                continue;
            }

            var ordinal = action.Ordinal;
            timeline.Enqueue(() =>
            {
                var command = new SubmitChecklistCommand(concern.Id, ordinal, raiser.UserId, _checklistKeys.For(checklist), ExpectedVersion: null);
                var (_, stepEntries) = step.Decide(
                    Loaded(instance, raiser, raiserStaff),
                    new CaseStepRequest(CaseTarget.Action(concern.Id, ordinal), raiser.UserId, CaseAccess.AnswerChecklist),
                    onCase => SubmitChecklistHandler.RecordWalk(onCase, runner, command),
                    _ => true);
                entries.AddRange(stepEntries);
                Steps++;
                ScheduleNext(instance, Pending(instance), plan.OneByOne, _clock.UtcNow);
            }, planned.OpenAt + plan.ChecklistTakes);
        }

        while (timeline.TryDequeue(out var next, out var at))
        {
            _clock.UtcNow = at;
            next();
        }

        return entries;
    }

    /// <summary>The action's open task (a walk has one at a time).</summary>
    private static Guid Pending(WorkflowInstanceRecord instance) => instance.Bookmarks.First(b => b.CompletedAtUtc is null).Id;
}
