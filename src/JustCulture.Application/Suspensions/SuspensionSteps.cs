using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Domain.Suspensions;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Suspensions;

public sealed record AlternativeInput(SuspensionAlternative? Alternative, string? Description, string? WhyNot);

public sealed record ProposeSuspensionCommand(Guid ConcernId, string ProposerUserId, SuspensionKind? Kind, string? Reason,
    IReadOnlyList<AlternativeInput>? Alternatives, DateOnly? ReviewDate);

/// <param name="ExpectedVersion">The suspension's version the approver's page showed; a newer one is refused as stale.</param>
public sealed record DecideSuspensionCommand(Guid SuspensionId, string ApproverUserId, bool Approve, string? Reason = null, int? ExpectedVersion = null);

public sealed record ProposeContinuationCommand(Guid SuspensionId, string ProposerUserId, string? Rationale, DateOnly? ReviewDate, int? ExpectedVersion = null);

public sealed record EndSuspensionCommand(Guid SuspensionId, string UserId, string? Reason, int? ExpectedVersion = null);

/// <summary>What a suspension decision leaves: the record's id, status and version after it.</summary>
public sealed record SuspensionDecided(Guid SuspensionId, Guid ConcernId, SuspensionStatus Status, DateOnly ReviewDate, int Version);

/// <summary>
/// The decisions on a suspension, exclusion or restriction of duties, each a case step
/// (docs/decisions/0006-one-case-step.md): the case row locked, the same access policy (an independent
/// commissioning manager of the case), the record and its decision-log entries in one transaction. Approving
/// also needs a named senior approver (<see cref="SuspensionRules.Approvers"/>) who is not the proposer under
/// any account (docs/domain/process-safeguards.md, "Suspension").
/// </summary>
public sealed class SuspensionSteps(JustCultureDbContext db, CaseStep step, SuspensionRules rules, TimeProvider clock)
{
    public const string ProposeQuestion = "Propose a suspension, exclusion or restriction of duties";
    public const string ApproveQuestion = "Approve as the second, independent decision-maker";
    public const string ContinueQuestion = "Review: propose that it continue";
    public const string EndQuestion = "End it";

    private DateOnly TodayUk => UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime);

    public async Task<SuspensionDecided> ProposeAsync(ProposeSuspensionCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        if (command.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            problems.Add(new(nameof(command.Kind), "Choose suspension, exclusion or restriction of duties."));
            kind = SuspensionKind.Suspension;
        }

        InputRules.Text(problems, nameof(command.Reason), command.Reason, "why the measure is needed (the risk it addresses)", Suspension.MaxTextLength, required: true, multiline: true);
        var alternatives = AlternativeProblems(problems, kind, command.Alternatives ?? []);
        if (Suspension.ReviewDateProblem(command.ReviewDate, TodayUk, rules.MaxReviewDays) is { } dateProblem)
        {
            problems.Add(new(nameof(command.ReviewDate), dateProblem));
        }

        InputRules.ThrowIfAny(problems);
        if (rules.Approvers.Count == 0)
        {
            throw UseCaseException.RuleViolated("No senior approver is configured (setting JustCulture:Suspension:Approvers), so nothing proposed could take effect. Ask an administrator to name the approvers.");
        }

        return await step.RunAsync(
            new CaseStepRequest(CaseTarget.Case(command.ConcernId), command.ProposerUserId, CaseAccess.Review),
            async (onCase, ct) =>
            {
                if (onCase.Concern.Status == Domain.Concerns.ConcernStatus.Closed)
                {
                    throw UseCaseException.RuleViolated("This case is closed: there is nothing to suspend for.", nameof(command.Kind));
                }

                if (await db.Suspensions.AnyAsync(s => s.ConcernId == onCase.Concern.Id
                        && (s.Status == SuspensionStatus.AwaitingApproval || s.Status == SuspensionStatus.InForce), ct))
                {
                    throw UseCaseException.Conflict("This case already has a suspension, exclusion or restriction proposed or in force: review or end that one.");
                }

                var suspension = Suspension.Propose(onCase.Concern.Id, kind, command.Reason!, alternatives, command.ReviewDate!.Value, onCase.Actor, TodayUk, rules.MaxReviewDays, onCase.NowUtc);
                db.Suspensions.Add(suspension);
                onCase.Log(LogEventTypes.SuspensionProposed, ProposeQuestion, Answer(suspension.Kind, suspension.ReviewDate), Words(suspension));
                return Decided(suspension);
            },
            cancellationToken);
    }

    /// <summary>Approves (or declines) what is waiting: a proposal, or a continuation proposed at a review.</summary>
    public Task<SuspensionDecided> DecideAsync(DecideSuspensionCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.Reason), command.Reason, "why you will not approve it", Suspension.MaxTextLength, required: !command.Approve, multiline: true);
        if (command.Approve && !string.IsNullOrWhiteSpace(command.Reason))
        {
            problems.Add(new(nameof(command.Reason), "Give a reason only when you do not approve."));
        }

        InputRules.ThrowIfAny(problems);
        return OnSuspensionAsync(command.SuspensionId, command.ApproverUserId, command.ExpectedVersion, (onCase, suspension) =>
        {
            if (!suspension.AwaitsApproval)
            {
                throw UseCaseException.Conflict(suspension.IsOpen
                    ? "This was already approved: nothing is waiting for approval. Reload the page to see where it is."
                    : "This has ended: nothing is waiting for approval.");
            }

            if (!rules.IsApprover(onCase.Actor.UserId))
            {
                throw UseCaseException.Fields(UseCaseError.Forbidden,
                    [new FieldProblem("Approver", "Only a named senior approver (setting JustCulture:Suspension:Approvers) can approve a suspension, exclusion or restriction of duties.")]);
            }

            if (suspension.ApproverConflict(onCase.Actor) is { } conflict)
            {
                throw UseCaseException.Fields(UseCaseError.Forbidden, [new FieldProblem("Approver", conflict)]);
            }

            var continuation = suspension.Status == SuspensionStatus.InForce;
            if (command.Approve)
            {
                suspension.Approve(onCase.Actor, TodayUk, onCase.NowUtc);
                onCase.Log(continuation ? LogEventTypes.SuspensionContinued : LogEventTypes.SuspensionApproved, ApproveQuestion,
                    Answer(suspension.Kind, suspension.ReviewDate));
            }
            else
            {
                suspension.Decline(onCase.Actor, command.Reason!, onCase.NowUtc);
                onCase.Log(LogEventTypes.SuspensionDeclined, ApproveQuestion,
                    continuation ? "Continuation not approved: ended" : "Not approved", suspension.EndReason);
            }
        }, cancellationToken);
    }

    public Task<SuspensionDecided> ProposeContinuationAsync(ProposeContinuationCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.Rationale), command.Rationale, "why it must continue and why the alternatives still will not do", Suspension.MaxTextLength, required: true, multiline: true);
        if (Suspension.ReviewDateProblem(command.ReviewDate, TodayUk, rules.MaxReviewDays) is { } dateProblem)
        {
            problems.Add(new(nameof(command.ReviewDate), dateProblem));
        }

        InputRules.ThrowIfAny(problems);
        return OnSuspensionAsync(command.SuspensionId, command.ProposerUserId, command.ExpectedVersion, (onCase, suspension) =>
        {
            RequireOpen(suspension);
            if (suspension.Status != SuspensionStatus.InForce)
            {
                throw UseCaseException.Conflict("This has not been approved yet, so there is nothing to review: it is waiting for approval.");
            }

            if (suspension.PendingReviewDate is not null)
            {
                throw UseCaseException.Conflict("A continuation is already waiting for approval.");
            }

            suspension.ProposeContinuation(onCase.Actor, command.Rationale!, command.ReviewDate!.Value, TodayUk, rules.MaxReviewDays, onCase.NowUtc);
            onCase.Log(LogEventTypes.SuspensionContinuationProposed, ContinueQuestion, Answer(suspension.Kind, suspension.PendingReviewDate!.Value), suspension.PendingRationale);
        }, cancellationToken);
    }

    public Task<SuspensionDecided> EndAsync(EndSuspensionCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.Reason), command.Reason, "why it ends", Suspension.MaxTextLength, required: true, multiline: true);
        InputRules.ThrowIfAny(problems);
        return OnSuspensionAsync(command.SuspensionId, command.UserId, command.ExpectedVersion, (onCase, suspension) =>
        {
            RequireOpen(suspension);
            var wasInForce = suspension.Status == SuspensionStatus.InForce;
            suspension.End(onCase.Actor, command.Reason!, onCase.NowUtc);
            onCase.Log(LogEventTypes.SuspensionEnded, EndQuestion, wasInForce ? "Ended" : "Withdrawn before approval", suspension.EndReason);
        }, cancellationToken);
    }

    private static void RequireOpen(Suspension suspension)
    {
        if (!suspension.IsOpen)
        {
            throw UseCaseException.Conflict($"This has already ended ({SuspensionWords.Status(suspension.Status).ToLowerInvariant()}): nothing more can be decided on it.");
        }
    }

    /// <summary>A step on an existing suspension: found, then its case locked and admitted, then reloaded inside the lock.</summary>
    private async Task<SuspensionDecided> OnSuspensionAsync(Guid suspensionId, string userId, int? expectedVersion, Action<CaseStepContext, Suspension> apply,
        CancellationToken cancellationToken)
    {
        // The case it belongs to never changes, so it may be read before the step.
        var concernId = await db.Suspensions.AsNoTracking().Where(s => s.Id == suspensionId).Select(s => (Guid?)s.ConcernId).SingleOrDefaultAsync(cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown suspension {suspensionId}.");
        return await step.RunAsync(
            new CaseStepRequest(CaseTarget.Case(concernId), userId, CaseAccess.Review),
            async (onCase, ct) =>
            {
                var suspension = await db.Suspensions.Include(s => s.Alternatives).SingleAsync(s => s.Id == suspensionId, ct);
                if (expectedVersion is { } expected && expected != suspension.Version)
                {
                    throw UseCaseException.Conflict($"This has moved on since your page was built (version {suspension.Version}, your page showed version {expected}). Reload it to see what changed.");
                }

                apply(onCase, suspension);
                return Decided(suspension);
            },
            cancellationToken);
    }

    private static SuspensionDecided Decided(Suspension s) => new(s.Id, s.ConcernId, s.Status, s.ReviewDate, s.Version);

    /// <summary>What an auditor may read: the kind and the review date, fixed choices and a date, never free text.</summary>
    private static string Answer(SuspensionKind kind, DateOnly reviewDate) =>
        $"{kind}; review by {reviewDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The proposal's free text as one sealed rationale: the reason, then each alternative and why it will not do.</summary>
    private static string Words(Suspension suspension) =>
        string.Join("\n", new[] { suspension.Reason }.Concat(suspension.Alternatives.OrderBy(a => a.Ordinal).Select(a =>
            $"{SuspensionWords.Alternative(a.Alternative)}{(a.Description is null ? "" : $" ({a.Description})")}: {a.WhyNot}")));

    private static List<(SuspensionAlternative, string?, string)> AlternativeProblems(List<FieldProblem> problems, SuspensionKind kind, IReadOnlyList<AlternativeInput> given)
    {
        var considered = new List<(SuspensionAlternative, string?, string)>();
        var seen = new HashSet<SuspensionAlternative>();
        foreach (var input in given)
        {
            if (input.Alternative is not { } alternative || !Enum.IsDefined(alternative))
            {
                problems.Add(new("Alternatives", "Each alternative must be one of: redeployment, supervision, restricted duties, other."));
                continue;
            }

            var field = $"Alternatives.{alternative}";
            if (string.IsNullOrWhiteSpace(input.WhyNot) && string.IsNullOrWhiteSpace(input.Description))
            {
                continue; // an empty row of the form: not considered
            }

            if (alternative != SuspensionAlternative.Other && !seen.Add(alternative))
            {
                problems.Add(new(field, $"{SuspensionWords.Alternative(alternative)} is given twice."));
                continue;
            }

            if (alternative == SuspensionAlternative.RestrictedDuties && kind == SuspensionKind.RestrictionOfDuties)
            {
                problems.Add(new(field, "Restricted duties is what is proposed, not an alternative to it."));
                continue;
            }

            if (alternative == SuspensionAlternative.Other)
            {
                InputRules.Text(problems, $"{field}.Description", input.Description, "what the other alternative is", Suspension.MaxOtherDescriptionLength, required: true, multiline: false);
            }
            else if (!string.IsNullOrWhiteSpace(input.Description))
            {
                problems.Add(new($"{field}.Description", "Describe an alternative only for \"other\"."));
            }

            var label = alternative == SuspensionAlternative.Other ? "why the other alternative will not do" : $"why {SuspensionWords.Alternative(alternative).ToLowerInvariant()} will not do";
            var before = problems.Count;
            InputRules.Text(problems, field, input.WhyNot, label, Suspension.MaxTextLength, required: true, multiline: true);
            if (problems.Count == before)
            {
                considered.Add((alternative, input.Description, input.WhyNot!.Trim()));
            }
        }

        foreach (var required in Suspension.RequiredAlternatives(kind).Where(r => !seen.Contains(r)))
        {
            problems.Add(new($"Alternatives.{required}", $"Say why {SuspensionWords.Alternative(required).ToLowerInvariant()} will not do: a suspension is a last resort, after the less restrictive measures."));
        }

        return considered;
    }
}
