using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tasks;

/// <param name="ForUserId">When given, only tasks this user may complete (their role, their own concerns
/// for a line manager, cases they are independent of for a commissioning manager).</param>
public sealed record ListTasksQuery(Guid? ConcernId = null, string? ForUserId = null);

public sealed record TaskView(
    Guid TaskId,
    Guid ConcernId,
    string ActivityId,
    string Role,
    string? StepId,
    string Question,
    string? HelpText,
    IReadOnlyList<string> Answers,
    int ActionOrdinal,
    string ActionDescription,
    string SubjectStaffRef,
    int ActionVersion,
    DateTime CreatedAtUtc);

/// <summary>Pending human tasks, with the question text from the definition each case is pinned to.</summary>
public sealed class ListTasksHandler(JustCultureDbContext db, TriageWorkflow triage)
{
    public async Task<IReadOnlyList<TaskView>> HandleAsync(ListTasksQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pending = db.Bookmarks.AsNoTracking().Where(b => b.CompletedAtUtc == null);
        if (query.ConcernId is { } concernId)
        {
            pending = pending.Where(b => b.CorrelationId == concernId);
        }

        CaseActor? user = null;
        if (query.ForUserId is not null)
        {
            // Here the user is a filter someone asked for, not the caller: an unknown one is not found.
            user = await CaseActors.FindAsync(db, query.ForUserId, cancellationToken)
                ?? throw UseCaseException.NotFound($"Unknown user '{query.ForUserId}'.");
            var role = user.User.Role.ToString();
            pending = pending.Where(b => b.Role == role);
        }

        var rows = await (
            from b in pending
            join w in db.WorkflowInstances.AsNoTracking() on b.WorkflowInstanceId equals w.Id
            join c in db.Concerns.AsNoTracking() on b.CorrelationId equals c.Id
            join a in db.ConcernActions.AsNoTracking() on w.Id equals a.WorkflowInstanceId
            join s in db.Staff.AsNoTracking() on c.SubjectStaffRef equals s.StaffRef
            join r in db.Staff.AsNoTracking() on c.RaisedByStaffRef equals r.StaffRef into raisers
            from r in raisers.DefaultIfEmpty()
            select new { Bookmark = b, Instance = w, Concern = c, Action = a, Subject = s, Raiser = r })
            .ToListAsync(cancellationToken);

        var views = new List<TaskView>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.Bookmark.CreatedAtUtc).ThenBy(r => r.Action.Ordinal))
        {
            if (user is not null && CaseAccessPolicy.Refusal(user.User, user.Staff, row.Concern.Parties(row.Subject, row.Raiser),
                    CaseAccessPolicy.ForTaskRole(row.Bookmark.Role)) is not null)
            {
                continue;
            }

            var definition = triage.Catalog.Get(row.Instance.DefinitionId, row.Instance.DefinitionVersion);
            var task = (IHumanTaskActivity)definition.GetActivity(row.Bookmark.ActivityId);
            views.Add(new TaskView(row.Bookmark.Id, row.Concern.Id, task.Id, task.Role, task.StepId, task.Question, task.HelpText,
                task.Answers, row.Action.Ordinal, row.Action.Description, row.Concern.SubjectStaffRef, row.Action.Version, row.Bookmark.CreatedAtUtc));
        }

        return views;
    }
}
