using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Concerns;

/// <param name="Category">One of <see cref="ConcernCategories.All"/>: required, because similar-case comparison groups by it.</param>
/// <param name="IncidentDate">When it happened, if known; never in the future.</param>
public sealed record OpenConcernCommand(
    string SubjectStaffRef,
    string RaisedByUserId,
    string Summary,
    IReadOnlyList<string> Actions,
    string? Category = null,
    DateOnly? IncidentDate = null);

/// <summary>A concern just opened, in memory: to be added with its instances and appended in one transaction.</summary>
internal sealed record OpenedConcern(Concern Concern, IReadOnlyList<Persistence.Workflows.WorkflowInstanceRecord> Instances, IReadOnlyList<DecisionLogEntry> Entries);

/// <summary>
/// A line manager opens a concern: one checklist walk (workflow instance) starts per action, and the
/// concern, the instances, their first tasks and the log entries are stored in one transaction. The
/// subject's and the raiser's line management are recorded as they stand now, for the independence rule.
/// </summary>
public sealed class OpenConcernHandler(JustCultureDbContext db, TriageWorkflow triage, WorkflowRunner runner, TimeProvider clock, DecisionLogWriter log)
{
    public async Task<Guid> HandleAsync(OpenConcernCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        Validate(command);
        var raiser = await db.Users.SingleOrDefaultAsync(u => u.UserId == command.RaisedByUserId, cancellationToken)
            ?? throw UseCaseException.Forbidden("Unknown user.");
        if (raiser.Role != Role.LineManager)
        {
            throw UseCaseException.Forbidden("Only a line manager can raise a concern.");
        }

        var subjectRef = command.SubjectStaffRef.Trim();
        var subject = await db.Staff.SingleOrDefaultAsync(s => s.StaffRef == subjectRef, cancellationToken)
            ?? throw UseCaseException.Fields(UseCaseError.NotFound, [new(nameof(command.SubjectStaffRef), $"Unknown staff ref '{subjectRef}'.")]);
        var raiserStaff = raiser.StaffRef is null ? null : await db.Staff.SingleOrDefaultAsync(s => s.StaffRef == raiser.StaffRef, cancellationToken);

        var definition = triage.Current;
        return await StepTransaction.RunAsync(db, async ct =>
        {
            var opened = Open(definition, runner, command, raiser, subject, raiserStaff, clock.GetUtcNow().UtcDateTime);
            db.Concerns.Add(opened.Concern);
            db.WorkflowInstances.AddRange(opened.Instances);
            await log.AppendAsync(db, opened.Entries, ct);
            return opened.Concern.Id;
        }, cancellationToken);
    }

    /// <summary>
    /// The step's own part, in memory: the concern, one started checklist walk per action, and their log entries,
    /// for the caller to store and append in one transaction. Bulk seeding of historical cases calls it directly.
    /// </summary>
    internal static OpenedConcern Open(WorkflowDefinition definition, WorkflowRunner runner, OpenConcernCommand command,
        User raiser, Domain.Staff.StaffMember subject, Domain.Staff.StaffMember? raiserStaff, DateTime now)
    {
        var concern = Concern.Open(raiser, subject, command.Summary, command.Actions, command.Category, command.IncidentDate, now, raiserStaff);
        var instances = new List<Persistence.Workflows.WorkflowInstanceRecord>();
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
            instances.Add(WorkflowInstanceMapping.NewRecord(run.State, concern.Id, now));
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

        concern.Touch();
        return new OpenedConcern(concern, instances, entries);
    }

    /// <summary>Shape and limits, all reported at once with the field each is about.</summary>
    internal static void Validate(OpenConcernCommand command)
    {
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.SubjectStaffRef), command.SubjectStaffRef, "the staff ref of the person concerned", 32, required: true, multiline: false);
        InputRules.Text(problems, nameof(command.Summary), command.Summary, "the summary of what happened", Concern.MaxSummaryLength, required: true, multiline: true);
        var actions = command.Actions ?? [];
        var described = actions.Where(a => !string.IsNullOrWhiteSpace(a)).ToList();
        if (described.Count == 0)
        {
            problems.Add(new(nameof(command.Actions), "Describe at least one action or omission: the guide is applied to one action at a time."));
        }
        else if (described.Count > Concern.MaxActions)
        {
            problems.Add(new(nameof(command.Actions), $"A concern can hold at most {Concern.MaxActions} actions; raise separate concerns for the rest."));
        }
        else
        {
            for (var i = 0; i < actions.Count; i++)
            {
                InputRules.Text(problems, $"{nameof(command.Actions)}[{i}]", actions[i], $"action {i + 1}", Concern.MaxActionLength, required: false, multiline: true);
            }
        }

        if (string.IsNullOrWhiteSpace(command.Category))
        {
            problems.Add(new(nameof(command.Category), "Choose a category."));
        }
        else if (ConcernCategories.Canonical(command.Category) is null)
        {
            problems.Add(new(nameof(command.Category), $"Choose a category from the list: {string.Join(", ", ConcernCategories.All)}."));
        }

        InputRules.ThrowIfAny(problems);
    }
}
