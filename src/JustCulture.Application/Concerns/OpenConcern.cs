using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Concerns;

public sealed record OpenConcernCommand(
    string SubjectStaffRef,
    string RaisedByUserId,
    string Summary,
    IReadOnlyList<string> Actions,
    string? Category = null,
    DateOnly? IncidentDate = null);

/// <summary>
/// A line manager opens a concern: one checklist walk (workflow instance) starts per action, and the
/// concern, the instances, their first tasks and the log entries are stored in one transaction.
/// </summary>
public sealed class OpenConcernHandler(JustCultureDbContext db, TriageWorkflow triage, WorkflowRunner runner, TimeProvider clock)
{
    public async Task<Guid> HandleAsync(OpenConcernCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var raiser = await db.Users.SingleOrDefaultAsync(u => u.UserId == command.RaisedByUserId, cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown user '{command.RaisedByUserId}'.");
        if (raiser.Role != Role.LineManager)
        {
            throw UseCaseException.Forbidden($"Only a line manager can raise a concern; {raiser.UserId} is {raiser.Role}.");
        }

        var subject = await db.Staff.SingleOrDefaultAsync(s => s.StaffRef == command.SubjectStaffRef, cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown staff ref '{command.SubjectStaffRef}'.");
        string? category = null;
        if (!string.IsNullOrWhiteSpace(command.Category))
        {
            category = ConcernCategories.Canonical(command.Category)
                ?? throw UseCaseException.Invalid($"'{command.Category.Trim()}' is not a concern category; use one of: {string.Join(", ", ConcernCategories.All)}.");
        }

        var definition = triage.Current;
        return await StepTransaction.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var concern = Concern.Open(raiser, subject, command.Summary, command.Actions, category, command.IncidentDate, now);
            db.Concerns.Add(concern);
            var actor = new Actor(raiser.UserId, raiser.Role.ToString());
            var entries = new List<DecisionLogEntry>
            {
                new()
                {
                    EventType = LogEventTypes.ConcernOpened,
                    ConcernId = concern.Id,
                    SubjectStaffRef = concern.SubjectStaffRef,
                    Question = "Concern raised",
                    Answer = concern.Category,
                    ActorId = actor.UserId,
                    ActorRole = actor.Role,
                    OccurredAtUtc = now,
                },
            };

            foreach (var action in concern.Actions)
            {
                var run = runner.Start(definition, action.WorkflowInstanceId, now);
                db.WorkflowInstances.Add(WorkflowInstanceMapping.NewRecord(run.State, concern.Id, now));
                entries.Add(new DecisionLogEntry
                {
                    EventType = LogEventTypes.ChecklistStarted,
                    ConcernId = concern.Id,
                    WorkflowInstanceId = action.WorkflowInstanceId,
                    SubjectStaffRef = concern.SubjectStaffRef,
                    DefinitionId = definition.DefinitionId,
                    DefinitionVersion = definition.Version,
                    Question = $"Action {action.Ordinal}",
                    ActorId = actor.UserId,
                    ActorRole = actor.Role,
                    OccurredAtUtc = now,
                });
                entries.AddRange(TriageStepRecorder.Record(concern, action, definition, run, actor, answer: null, now));
            }

            await DecisionLogStore.AppendAsync(db, entries, ct);
            return concern.Id;
        }, cancellationToken);
    }
}
