using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Tasks;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Demo;

/// <summary>
/// Walks three new concerns, raised by the demo line manager, to three different routes through the real
/// use cases, narrating each step: the quickest way to see the product work end to end.
/// </summary>
public sealed class DemoWalkthrough(JustCultureDbContext db, OpenConcernHandler open, ListTasksHandler tasks, CompleteTaskHandler complete,
    Wellbeing.WellbeingSteps wellbeing, TimeProvider clock)
{
    private sealed record Walk(string Summary, string Action, string Category, string[] Checklist, (string Answer, string Rationale, string? Statement)[] Reviews);

    private static readonly Walk[] Walks =
    [
        new("Infusion pump programmed at the wrong rate", "Set the pump rate from an out-of-date protocol", "Medication",
            ["No", "No", "No", "No", "Yes", "No"],
            [("SystemLearning", "The protocol in use on the ward was superseded but still in the folder; a system failure to fix, not an individual one.", null)]),
        new("Missed three consecutive shifts without calling in", "Did not follow the absence reporting procedure", "Attendance",
            ["No", "No", "No", "Yes"],
            [("Support", "Indications of mental ill health; referral to occupational health and a wellbeing conversation agreed.", null)]),
        new("Shouted at a student nurse during a busy shift", "Spoke to a student in a raised voice in front of patients", "Conduct",
            ["No", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "No", "No"],
            [
                ("InformalResolution", "No mitigation found; a facilitated conversation and a reflective account are proportionate first steps.", null),
                ("NotResolved", "A second, similar incident was reported during the agreed review period.", null),
                ("FormalInvestigation", "Repeated behaviour after informal resolution; an independent fact-find is now needed.",
                    "Informal resolution was tried and did not resolve the behaviour; a further informal attempt would not protect learners."),
            ]),
    ];

    public async Task RunAsync(Func<string, Task> say, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(say);
        var manager = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == DemoSeeder.LineManagerAccount, cancellationToken)
            ?? throw UseCaseException.NotFound($"The demo line manager '{DemoSeeder.LineManagerAccount}' is missing: run seed demo on an empty database first.");
        var team = await db.Staff.AsNoTracking().Where(s => s.LineManagerRef == manager.StaffRef).OrderBy(s => s.StaffRef).Take(Walks.Length).ToListAsync(cancellationToken);
        if (team.Count < Walks.Length)
        {
            throw UseCaseException.RuleViolated($"The demo line manager manages only {team.Count} people; {Walks.Length} are needed.");
        }

        for (var i = 0; i < Walks.Length; i++)
        {
            var walk = Walks[i];
            var concernId = await open.HandleAsync(new OpenConcernCommand(team[i].StaffRef, manager.UserId, walk.Summary, [walk.Action], walk.Category), cancellationToken);
            await say($"Concern {concernId}: {manager.UserId} (line manager) raised a concern about staff {team[i].StaffRef}: {walk.Summary}.");
            foreach (var answer in walk.Checklist)
            {
                var task = await NextTaskAsync(concernId, cancellationToken);
                await complete.HandleAsync(new CompleteTaskCommand(task.TaskId, manager.UserId, answer), cancellationToken);
                await say($"  {task.StepId}: {task.Question} -> {answer}");
            }

            // Whatever the route, the person has a wellbeing contact and support from the review on.
            var nextCheckIn = Domain.UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime).AddDays(14);
            await wellbeing.RecordAsync(new Wellbeing.RecordWellbeingCommand(concernId, DemoSeeder.CommissioningAccount, "Jo Bennett, staff wellbeing lead",
                OccupationalHealth: true, EmployeeAssistance: true, UnionOrStaffNetwork: false, null, nextCheckIn), cancellationToken);
            await say($"  {DemoSeeder.CommissioningAccount} recorded a wellbeing contact and support offered (occupational health, employee assistance); next check-in by {Domain.UkDates.Date(nextCheckIn)}.");
            foreach (var (answer, rationale, statement) in walk.Reviews)
            {
                var task = await NextTaskAsync(concernId, cancellationToken);
                var result = await complete.HandleAsync(new CompleteTaskCommand(task.TaskId, DemoSeeder.CommissioningAccount, answer, rationale, statement, Conflict: ConflictOfInterest.None), cancellationToken);
                await say($"  {DemoSeeder.CommissioningAccount} (commissioning manager) declared no conflict of interest; {task.Question} -> {Words(answer)}: {rationale}");
                await say($"  case is now: {Domain.Vocabulary.Status(result.ConcernStatus)}");
            }

            var concern = await db.Concerns.AsNoTracking().Include(c => c.Actions).SingleAsync(c => c.Id == concernId, cancellationToken);
            var action = concern.Actions[0];
            await say($"  outcome {Domain.Vocabulary.Outcome(action.Outcome?.ToString())}, route {Domain.Vocabulary.Route(action.Route?.ToString())}, final status {Domain.Vocabulary.Status(concern.Status)}.");
        }
    }

    /// <summary>A route, or an informal-resolution result, in words.</summary>
    private static string Words(string answer) => answer switch
    {
        "Resolved" => "Resolved",
        "NotResolved" => "Not resolved",
        _ => Domain.Vocabulary.Route(answer),
    };

    private async Task<TaskView> NextTaskAsync(Guid concernId, CancellationToken cancellationToken) =>
        (await tasks.HandleAsync(new ListTasksQuery(concernId), cancellationToken)).Single();
}
