using JustCulture.Application.Common;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tasks;

/// <param name="ExpectedVersion">The concern version the caller's form was built from; when given, a
/// newer version means the case has moved on and the answer is refused rather than applied blindly.</param>
public sealed record CompleteTaskCommand(
    Guid TaskId,
    string ActorUserId,
    string Answer,
    string? Rationale = null,
    string? InformalNotAppropriate = null,
    int? ExpectedVersion = null);

public sealed record CompleteTaskResult(Guid ConcernId, int ConcernVersion, string ConcernStatus, IReadOnlyList<Guid> NextTaskIds);

/// <summary>
/// Answers one human task — a checklist question, a commissioning review or an informal-resolution
/// result — and runs the workflow on to its next task, all in one transaction with its log entries.
/// </summary>
public sealed class CompleteTaskHandler(JustCultureDbContext db, TriageWorkflow triage, WorkflowRunner runner, TimeProvider clock)
{
    public async Task<CompleteTaskResult> HandleAsync(CompleteTaskCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.Answer))
        {
            throw UseCaseException.Invalid("An answer is required.");
        }

        return await StepTransaction.RunAsync(db, async ct =>
        {
            var actor = await db.Users.SingleOrDefaultAsync(u => u.UserId == command.ActorUserId, ct)
                ?? throw UseCaseException.NotFound($"Unknown user '{command.ActorUserId}'.");
            // The task and its instance are read in one statement so they describe the same moment; read
            // apart, a competing answer committed in between would leave this step a stale task on a
            // fresh instance, and the instance's version check could no longer catch it.
            var instance = await db.WorkflowInstances.Include(w => w.Bookmarks)
                .SingleOrDefaultAsync(w => w.Bookmarks.Any(b => b.Id == command.TaskId), ct)
                ?? throw UseCaseException.NotFound($"Unknown task {command.TaskId}.");
            var bookmark = instance.Bookmarks.Single(b => b.Id == command.TaskId);
            if (bookmark.CompletedAtUtc is { } completedAt)
            {
                throw UseCaseException.Conflict($"Task {command.TaskId} was already completed by {bookmark.CompletedBy} at {completedAt:yyyy-MM-dd HH:mm:ss} UTC.");
            }

            var concern = await db.Concerns.Include(c => c.Actions).SingleAsync(c => c.Id == instance.CorrelationId, ct);
            if (command.ExpectedVersion is { } expected && expected != concern.Version)
            {
                throw UseCaseException.Conflict($"This case has moved on (version {concern.Version}, your page showed version {expected}). Reload it to see what changed.");
            }

            var subject = await db.Staff.SingleAsync(s => s.StaffRef == concern.SubjectStaffRef, ct);
            if (!string.Equals(bookmark.Role, actor.Role.ToString(), StringComparison.Ordinal))
            {
                throw UseCaseException.Forbidden($"This task is for a {bookmark.Role}; {actor.UserId} is {actor.Role}.");
            }

            if (actor.Role == Role.LineManager && !string.Equals(concern.RaisedByUserId, actor.UserId, StringComparison.Ordinal))
            {
                throw UseCaseException.Forbidden($"Only the line manager who raised this concern can answer its checklist; {actor.UserId} did not raise it.");
            }

            if (actor.Role == Role.CommissioningManager)
            {
                concern.EnsureIndependentReviewer(actor, subject);
            }

            var definition = triage.PinnedTo(instance.DefinitionId, instance.DefinitionVersion, instance.DefinitionSha256);
            var now = clock.GetUtcNow().UtcDateTime;
            var input = new ResumeInput(actor.UserId, actor.Role.ToString(), command.Answer.Trim(), Trimmed(command.Rationale), Trimmed(command.InformalNotAppropriate));
            RunResult run;
            try
            {
                run = runner.Resume(definition, WorkflowInstanceMapping.ToState(instance), bookmark.Id, input, now);
            }
            catch (WorkflowResumeException ex)
            {
                throw ex.Reason switch
                {
                    ResumeRejection.WrongRole => UseCaseException.Forbidden(ex.Message),
                    ResumeRejection.BookmarkNotFound or ResumeRejection.InstanceNotSuspended or ResumeRejection.DefinitionMismatch => UseCaseException.Conflict(ex.Message),
                    _ => UseCaseException.RuleViolated(ex.Message),
                };
            }

            var action = concern.ActionForInstance(instance.Id);
            var given = new GivenAnswer(input.Answer, input.Rationale, input.InformalNotAppropriate);
            var entries = TriageStepRecorder.Record(concern, action, definition, run, new Actor(actor.UserId, actor.Role.ToString()), given, now);
            WorkflowInstanceMapping.Apply(instance, run.State, now, actor.UserId);
            await DecisionLogStore.AppendAsync(db, entries, ct);
            return new CompleteTaskResult(concern.Id, concern.Version, concern.Status.ToString(), run.State.Bookmarks.Select(b => b.BookmarkId).ToList());
        }, cancellationToken);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
