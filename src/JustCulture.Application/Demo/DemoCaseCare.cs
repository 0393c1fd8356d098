using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Application.Formal;
using JustCulture.Application.Suspensions;
using JustCulture.Application.Survey;
using JustCulture.Application.Wellbeing;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Formal;
using JustCulture.Domain.Suspensions;
using JustCulture.Domain.Survey;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;

namespace JustCulture.Application.Demo;

/// <summary>
/// What a trust running the whole process records around the seeded cases, through the same use cases and simulated
/// clock: the person's wellbeing contact and support at review, then check-ins while the case is open; after a formal
/// investigation starts, sometimes a restriction of duties or suspension under the two-person rule, its conclusion, the hearing, sometimes an appeal, and its close; when a case closes, the fairness survey
/// offered and often answered. It draws from its own random stream, so the cases the seed produces stay the same.
/// The demo's formal findings lean towards "no case to answer" for BME staff, as trusts found before they changed their
/// approach, so the funnel has a referral-bias signal to show (docs/domain/process-safeguards.md).
/// </summary>
internal sealed class DemoCaseCare(JustCultureDbContext db, TriageWorkflow triage, WorkflowRunner runner, SimulatedClock simulated, DecisionLogWriter log,
    DateTime now, PriorityQueue<Func<Task>, DateTime> queue, int seed)
{
    private const int MaxCheckIns = 6;

    private static readonly string[] Contacts =
    [
        "Jo Bennett, staff wellbeing lead", "Priya Nair, matron", "Kwame Mensah, staff network chair", "Helen Walsh, ward manager", "Tom Reilly, HR adviser",
    ];

    private static readonly string[] Panels =
    [
        "Deputy director of nursing (chair), HR business partner", "Associate medical director (chair), senior HR adviser", "Divisional director (chair), HR business partner",
    ];

    /// <summary>As the Development settings name: the demo's senior approver of suspensions.</summary>
    private static readonly SuspensionRules SuspensionRules = new(approvers: [DemoSeeder.SeniorApproverAccount]);

    private readonly Random _random = new(seed + 1);
    private readonly HashSet<Guid> _withWellbeing = [];
    private readonly HashSet<Guid> _surveyed = [];

    private CaseStep Step => new(db, triage, runner, simulated, log);

    private SuspensionSteps Suspensions => new(db, Step, SuspensionRules, simulated);

    private DateOnly Today => UkDates.UkDateOf(simulated.GetUtcNow().UtcDateTime);

    /// <summary>Before the case's first review decision: the wellbeing contact and the support offered.</summary>
    public async Task BeforeReviewAsync(Guid concernId, string reviewer, CancellationToken cancellationToken)
    {
        if (!_withWellbeing.Add(concernId))
        {
            return;
        }

        var contact = Contacts[_random.Next(Contacts.Length)];
        var occupationalHealth = _random.NextDouble() < 0.6;
        var union = _random.NextDouble() < 0.5;
        await new WellbeingSteps(db, Step, simulated).RecordAsync(new RecordWellbeingCommand(concernId, reviewer, contact, occupationalHealth,
            EmployeeAssistance: !occupationalHealth || _random.NextDouble() < 0.5, union, null, Today.AddDays(14)), cancellationToken);
        ScheduleCheckIn(concernId, reviewer, contact, simulated.UtcNow, 1, cancellationToken);
    }

    /// <summary>After a task is completed: the formal process once an investigation starts, the survey once the case closes.</summary>
    public void AfterStep(Guid concernId, int ordinal, string reviewer, WresGroup group, string answer, ConcernStatus status, CancellationToken cancellationToken)
    {
        var at = simulated.UtcNow;
        if (answer == nameof(CaseRoute.FormalInvestigation))
        {
            ScheduleFormal(concernId, ordinal, reviewer, group, at, cancellationToken);
        }

        if (status == ConcernStatus.Closed)
        {
            ScheduleSurvey(concernId, reviewer, group, at, cancellationToken);
        }
    }

    /// <summary>When a case closes, the person is offered the survey a few days later, and about half answer.</summary>
    private void ScheduleSurvey(Guid concernId, string reviewer, WresGroup group, DateTime closedAt, CancellationToken cancellationToken)
    {
        if (!_surveyed.Add(concernId))
        {
            return;
        }

        Schedule(closedAt.AddDays(_random.Next(1, 4)), async () =>
        {
            var offered = await new FairnessSurveySteps(db, Step).OfferAsync(new OfferSurveyCommand(concernId, reviewer), cancellationToken);
            if (_random.NextDouble() < 0.55)
            {
                var (fairly, listened, same) = Answers(group);
                await new FairnessSurveySteps(db, Step).SubmitAsync(new SubmitSurveyCommand(offered.Token, fairly, listened, same), cancellationToken);
            }
        });
    }

    /// <summary>The formal process closed once it has an end; the case closes with it when nothing else on it is open.</summary>
    private void ScheduleClose(Guid concernId, int ordinal, string reviewer, WresGroup group, DateTime at, CancellationToken cancellationToken) =>
        Schedule(at, async () =>
        {
            var formal = new FormalProcessSteps(db, Step, simulated);
            await formal.CloseAsync(new CloseFormalProcessCommand(concernId, ordinal, reviewer), cancellationToken);
            if (await IsClosedAsync(concernId, cancellationToken))
            {
                ScheduleSurvey(concernId, reviewer, group, at, cancellationToken);
            }
        });

    private void ScheduleCheckIn(Guid concernId, string reviewer, string contact, DateTime after, int number, CancellationToken cancellationToken)
    {
        if (number > MaxCheckIns)
        {
            return;
        }

        var at = after.AddDays(_random.Next(11, 17));
        Schedule(at, async () =>
        {
            if (await IsClosedAsync(concernId, cancellationToken))
            {
                return;
            }

            await new WellbeingSteps(db, Step, simulated).CheckInAsync(new RecordCheckInCommand(concernId, reviewer, Today, contact, null, Today.AddDays(14)), cancellationToken);
            ScheduleCheckIn(concernId, reviewer, contact, at, number + 1, cancellationToken);
        });
    }

    private void ScheduleFormal(Guid concernId, int ordinal, string reviewer, WresGroup group, DateTime started, CancellationToken cancellationToken)
    {
        var concludedAt = started.AddDays(_random.Next(35, 75));
        var noCase = _random.NextDouble() < group switch { WresGroup.Bme => 0.55, WresGroup.White => 0.3, _ => 0.4 };
        var hearingAt = concludedAt.AddDays(_random.Next(14, 30));
        var outcome = Weighted(_random.NextDouble(), (HearingOutcome.NoAction, 0.2), (HearingOutcome.FirstWrittenWarning, 0.4),
            (HearingOutcome.FinalWrittenWarning, 0.28), (HearingOutcome.Dismissal, 0.12));
        var appeals = outcome != HearingOutcome.NoAction && _random.NextDouble() < 0.4;
        var lodgedAt = hearingAt.AddDays(_random.Next(3, 10));
        var decidedAt = lodgedAt.AddDays(_random.Next(15, 35));
        var appealOutcome = Weighted(_random.NextDouble(), (AppealOutcome.Upheld, 0.25), (AppealOutcome.PartlyUpheld, 0.15), (AppealOutcome.NotUpheld, 0.6));
        var formal = () => new FormalProcessSteps(db, Step, simulated);
        ScheduleSuspension(concernId, reviewer, started, concludedAt.AddHours(-2), cancellationToken);

        Schedule(concludedAt, async () =>
        {
            await formal().ConcludeAsync(new ConcludeInvestigationCommand(concernId, ordinal, reviewer, noCase ? InvestigationFinding.NoCaseToAnswer : InvestigationFinding.CaseToAnswer,
                Today), cancellationToken);
            if (noCase)
            {
                ScheduleClose(concernId, ordinal, reviewer, group, concludedAt.AddDays(_random.Next(1, 6)), cancellationToken);
                return;
            }

            Schedule(hearingAt, async () =>
            {
                await formal().RecordHearingAsync(new RecordHearingCommand(concernId, ordinal, reviewer, Today, Panels[_random.Next(Panels.Length)], outcome, null), cancellationToken);
                if (!appeals)
                {
                    // Closed once the time to appeal has passed with none lodged.
                    ScheduleClose(concernId, ordinal, reviewer, group, hearingAt.AddDays(_random.Next(15, 25)), cancellationToken);
                    return;
                }

                Schedule(lodgedAt, async () =>
                {
                    await formal().LodgeAppealAsync(new LodgeAppealCommand(concernId, ordinal, reviewer, Today), cancellationToken);
                    Schedule(decidedAt, async () =>
                    {
                        await formal().DecideAppealAsync(new DecideAppealCommand(concernId, ordinal, reviewer, appealOutcome, Today), cancellationToken);
                        ScheduleClose(concernId, ordinal, reviewer, group, decidedAt.AddDays(_random.Next(1, 6)), cancellationToken);
                    });
                });
            });
        });
    }

    /// <summary>
    /// About half the formal investigations (the demo's are for deliberate harm or no mitigation) have a restriction of duties (or, less often, a suspension) as a last
    /// resort: proposed by the reviewer, approved the next day by the senior approver, reviewed and continued every two
    /// weeks by the same two-person rule, and ended just before the investigation concludes.
    /// </summary>
    private void ScheduleSuspension(Guid concernId, string reviewer, DateTime started, DateTime endsAt, CancellationToken cancellationToken)
    {
        if (reviewer == DemoSeeder.SeniorApproverAccount || _random.NextDouble() >= 0.5)
        {
            return; // the proposer can never approve: the senior approver's own cases have none in the demo
        }

        var kind = _random.NextDouble() < 0.7 ? SuspensionKind.RestrictionOfDuties : SuspensionKind.Suspension;
        List<AlternativeInput> alternatives =
        [
            new(SuspensionAlternative.Redeployment, null, "No post away from the controlled-drug round is open on the person's site."),
            new(SuspensionAlternative.Supervision, null, "Supervision cannot cover night shifts, when the concern arose."),
        ];
        if (kind != SuspensionKind.RestrictionOfDuties)
        {
            alternatives.Add(new(SuspensionAlternative.RestrictedDuties, null, "The witnesses work the same shifts; restricted duties would not keep them apart."));
        }

        Schedule(started.AddDays(1), async () =>
        {
            if (!await ApproverMayDecideAsync(concernId, cancellationToken))
            {
                return;
            }

            var proposed = await Suspensions.ProposeAsync(new ProposeSuspensionCommand(concernId, reviewer, kind,
                "Protects patients and the investigation's witnesses while the investigation runs.", alternatives, Today.AddDays(14)), cancellationToken);
            var approvedAt = simulated.UtcNow.AddHours(20);
            Schedule(approvedAt, async () =>
            {
                await Suspensions.DecideAsync(new DecideSuspensionCommand(proposed.SuspensionId, DemoSeeder.SeniorApproverAccount, Approve: true), cancellationToken);
                ScheduleSuspensionReview(proposed.SuspensionId, reviewer, approvedAt, endsAt, 1, cancellationToken);
            });
        });
    }

    /// <summary>The senior approver must be independent of the case too (the review's access policy): read it as them first.</summary>
    private async Task<bool> ApproverMayDecideAsync(Guid concernId, CancellationToken cancellationToken)
    {
        try
        {
            await new CaseSuspensionsHandler(db, new CaseReader(db, triage), SuspensionRules, simulated).HandleAsync(concernId, DemoSeeder.SeniorApproverAccount, cancellationToken);
            return true;
        }
        catch (UseCaseException refused) when (refused.Error == UseCaseError.Forbidden)
        {
            return false;
        }
    }

    private void ScheduleSuspensionReview(Guid suspensionId, string reviewer, DateTime approvedAt, DateTime endsAt, int review, CancellationToken cancellationToken)
    {
        var reviewAt = approvedAt.AddDays(12);
        if (endsAt <= reviewAt || review > 4)
        {
            Schedule(endsAt <= reviewAt ? endsAt : reviewAt, () => Suspensions.EndAsync(new EndSuspensionCommand(suspensionId, reviewer,
                endsAt <= reviewAt ? "The investigation is concluding: the measure is no longer needed." : "Reviewed: the risk is now managed by supervision."), cancellationToken));
            return;
        }

        Schedule(reviewAt, async () =>
        {
            await Suspensions.ProposeContinuationAsync(new ProposeContinuationCommand(suspensionId, reviewer,
                "The investigation is still taking witness statements; nothing less restrictive will do yet.", Today.AddDays(14)), cancellationToken);
            var continuedAt = reviewAt.AddHours(20);
            Schedule(continuedAt, async () =>
            {
                await Suspensions.DecideAsync(new DecideSuspensionCommand(suspensionId, DemoSeeder.SeniorApproverAccount, Approve: true), cancellationToken);
                ScheduleSuspensionReview(suspensionId, reviewer, continuedAt, endsAt, review + 1, cancellationToken);
            });
        });
    }

    /// <summary>Demo answers: most agree they were treated fairly; BME staff less often agree a white colleague would have been treated the same.</summary>
    private (Agreement Fairly, Agreement Listened, Agreement Same) Answers(WresGroup group)
    {
        Agreement Draw(double agree) => _random.NextDouble() < agree
            ? (_random.NextDouble() < 0.4 ? Agreement.StronglyAgree : Agreement.Agree)
            : (Agreement)_random.Next(1, 4);
        var bme = group == WresGroup.Bme;
        return (Draw(bme ? 0.55 : 0.7), Draw(bme ? 0.6 : 0.72), Draw(bme ? 0.35 : 0.75));
    }

    private static T Weighted<T>(double draw, params (T Value, double Share)[] options)
    {
        foreach (var (value, share) in options)
        {
            if ((draw -= share) <= 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    /// <summary>Later steps that have not happened yet by the demo's "now" are not recorded: the case stays where it is.</summary>
    private void Schedule(DateTime at, Func<Task> step)
    {
        if (at < now)
        {
            queue.Enqueue(step, at);
        }
    }

    private async Task<bool> IsClosedAsync(Guid concernId, CancellationToken cancellationToken) =>
        (await db.Concerns.FindAsync([concernId], cancellationToken))!.Status == ConcernStatus.Closed;
}
