using System.Globalization;
using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Domain.Formal;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Formal;

/// <param name="ExpectedVersion">The formal record's version the page showed (null when none existed); a newer one is refused as stale.</param>
public sealed record ConcludeInvestigationCommand(Guid ConcernId, int ActionOrdinal, string UserId, InvestigationFinding? Finding, DateOnly? ConcludedOn);

public sealed record RecordHearingCommand(Guid ConcernId, int ActionOrdinal, string UserId, DateOnly? HearingDate, string? Panel,
    HearingOutcome? Outcome, string? OutcomeDetail, int? ExpectedVersion = null);

public sealed record LodgeAppealCommand(Guid ConcernId, int ActionOrdinal, string UserId, DateOnly? LodgedOn, int? ExpectedVersion = null);

/// <param name="ExpectedVersion">The formal record's version the page showed; a newer one is refused as stale.</param>
public sealed record CloseFormalProcessCommand(Guid ConcernId, int ActionOrdinal, string UserId, int? ExpectedVersion = null);

public sealed record DecideAppealCommand(Guid ConcernId, int ActionOrdinal, string UserId, AppealOutcome? Outcome, DateOnly? DecidedOn, int? ExpectedVersion = null);

/// <summary>What a formal-process step leaves: the record as it now stands.</summary>
public sealed record FormalProcessView(Guid Id, Guid ConcernId, int ActionOrdinal, DateOnly InvestigationStartedOn,
    InvestigationFinding Finding, DateOnly ConcludedOn, DateOnly? HearingDate, HearingOutcome? HearingOutcome, DateOnly? AppealLodgedOn,
    AppealOutcome? AppealOutcome, DateOnly? AppealDecidedOn, int Version)
{
    public static FormalProcessView From(FormalProceeding f) => new(f.Id, f.ConcernId, f.ActionOrdinal, f.InvestigationStartedOn, f.Finding, f.ConcludedOn,
        f.HearingDate, f.HearingOutcome, f.AppealLodgedOn, f.AppealOutcome, f.AppealDecidedOn, f.Version);
}

/// <summary>
/// The formal process after a formal investigation started, each decision a case step
/// (docs/decisions/0006-one-case-step.md): the case locked, the review's access policy (an independent
/// commissioning manager), the record and its decision-log entry in one transaction, every refusal field-keyed
/// with nothing written (docs/domain/formal-process.md). The process is reachable only from an action whose formal
/// investigation started — which only a commissioning review's FormalInvestigation route can start — so it stays
/// behind the review whatever a workflow definition says.
/// </summary>
public sealed class FormalProcessSteps(JustCultureDbContext db, CaseStep step, TimeProvider clock)
{
    public const string ConcludeQuestion = "Formal investigation concluded";
    public const string HearingQuestion = "Disciplinary hearing held";
    public const string LodgeAppealQuestion = "Appeal lodged";
    public const string DecideAppealQuestion = "Appeal decided";
    public const string CloseQuestion = "Formal process closed";

    private DateOnly TodayUk => UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime);

    public Task<FormalProcessView> ConcludeAsync(ConcludeInvestigationCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        if (command.Finding is not { } finding || !Enum.IsDefined(finding))
        {
            problems.Add(new(nameof(command.Finding), "Choose case to answer or no case to answer."));
            finding = default;
        }

        var today = TodayUk;
        if (FormalProceeding.DateProblem(command.ConcludedOn, today, DateOnly.MinValue, "") is { } dateProblem)
        {
            problems.Add(new(nameof(command.ConcludedOn), dateProblem));
        }

        InputRules.ThrowIfAny(problems);
        return OnActionAsync(command.ConcernId, command.ActionOrdinal, command.UserId, expectedVersion: null, async (onCase, existing, started, ct) =>
        {
            if (existing is not null)
            {
                throw UseCaseException.Conflict("The investigation's conclusion is already recorded.");
            }

            if (FormalProceeding.DateProblem(command.ConcludedOn, today, started, "the formal investigation started") is { } before)
            {
                throw UseCaseException.InvalidFields([new(nameof(command.ConcludedOn), before)]);
            }

            var record = FormalProceeding.Conclude(onCase.Concern.Id, onCase.Action!.Ordinal, started, finding, command.ConcludedOn!.Value, onCase.Actor.UserId, today);
            db.FormalProceedings.Add(record);
            onCase.Log(LogEventTypes.InvestigationConcluded, ConcludeQuestion, Answer(finding.ToString(), record.ConcludedOn));
            await Task.CompletedTask;
            return record;
        }, cancellationToken);
    }

    public Task<FormalProcessView> RecordHearingAsync(RecordHearingCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        var today = TodayUk;
        if (FormalProceeding.DateProblem(command.HearingDate, today, DateOnly.MinValue, "") is { } dateProblem)
        {
            problems.Add(new(nameof(command.HearingDate), dateProblem));
        }

        InputRules.Text(problems, nameof(command.Panel), command.Panel, "who sat on the panel", FormalProceeding.MaxPanelLength, required: true, multiline: false);
        if (command.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            problems.Add(new(nameof(command.Outcome), "Choose the hearing's outcome: no action, first written warning, final written warning, dismissal or other."));
            outcome = default;
        }

        InputRules.Text(problems, nameof(command.OutcomeDetail), command.OutcomeDetail, "what the other outcome was", FormalProceeding.MaxTextLength,
            required: command.Outcome == HearingOutcome.Other, multiline: true);
        if (command.Outcome is not HearingOutcome.Other && !string.IsNullOrWhiteSpace(command.OutcomeDetail))
        {
            problems.Add(new(nameof(command.OutcomeDetail), "Describe the outcome only for \"other\"."));
        }

        InputRules.ThrowIfAny(problems);
        return OnActionAsync(command.ConcernId, command.ActionOrdinal, command.UserId, command.ExpectedVersion, (onCase, existing, _, _) =>
        {
            var record = existing ?? throw UseCaseException.Fields(UseCaseError.RuleViolated,
                [new(nameof(command.Outcome), "The investigation has not concluded: record its conclusion before a hearing outcome.")]);
            if (record.HearingRefusal() is { } refusal)
            {
                throw UseCaseException.Fields(UseCaseError.RuleViolated, [new(nameof(command.Outcome), refusal)]);
            }

            if (FormalProceeding.DateProblem(command.HearingDate, today, record.ConcludedOn, "the investigation concluded") is { } before)
            {
                throw UseCaseException.InvalidFields([new(nameof(command.HearingDate), before)]);
            }

            record.RecordHearing(command.HearingDate!.Value, command.Panel!, outcome, command.OutcomeDetail, onCase.Actor.UserId, today);
            onCase.Log(LogEventTypes.HearingHeld, HearingQuestion, Answer(outcome.ToString(), record.HearingDate!.Value),
                string.Join("\n", new[] { $"Panel: {record.HearingPanel}", record.HearingOutcomeDetail }.OfType<string>()));
            return Task.FromResult(record);
        }, cancellationToken);
    }

    public Task<FormalProcessView> LodgeAppealAsync(LodgeAppealCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var today = TodayUk;
        if (FormalProceeding.DateProblem(command.LodgedOn, today, DateOnly.MinValue, "") is { } dateProblem)
        {
            throw UseCaseException.InvalidFields([new(nameof(command.LodgedOn), dateProblem)]);
        }

        return OnActionAsync(command.ConcernId, command.ActionOrdinal, command.UserId, command.ExpectedVersion, (onCase, existing, _, _) =>
        {
            var record = existing ?? throw UseCaseException.Fields(UseCaseError.RuleViolated,
                [new(nameof(command.LodgedOn), "The investigation has not concluded and no sanction was given: there is nothing to appeal.")]);
            if (record.AppealRefusal() is { } refusal)
            {
                throw UseCaseException.Fields(UseCaseError.RuleViolated, [new(nameof(command.LodgedOn), refusal)]);
            }

            if (FormalProceeding.DateProblem(command.LodgedOn, today, record.HearingDate!.Value, "the hearing") is { } before)
            {
                throw UseCaseException.InvalidFields([new(nameof(command.LodgedOn), before)]);
            }

            record.LodgeAppeal(command.LodgedOn!.Value, onCase.Actor.UserId, today);
            onCase.Log(LogEventTypes.AppealLodged, LodgeAppealQuestion, Answer("Lodged", record.AppealLodgedOn!.Value));
            return Task.FromResult(record);
        }, cancellationToken);
    }

    public Task<FormalProcessView> DecideAppealAsync(DecideAppealCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        if (command.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            problems.Add(new(nameof(command.Outcome), "Choose upheld, partly upheld or not upheld."));
            outcome = default;
        }

        var today = TodayUk;
        if (FormalProceeding.DateProblem(command.DecidedOn, today, DateOnly.MinValue, "") is { } dateProblem)
        {
            problems.Add(new(nameof(command.DecidedOn), dateProblem));
        }

        InputRules.ThrowIfAny(problems);
        return OnActionAsync(command.ConcernId, command.ActionOrdinal, command.UserId, command.ExpectedVersion, (onCase, existing, _, _) =>
        {
            var record = existing ?? throw UseCaseException.Fields(UseCaseError.RuleViolated, [new(nameof(command.Outcome), "No appeal is lodged.")]);
            if (record.AppealDecisionRefusal() is { } refusal)
            {
                throw UseCaseException.Fields(UseCaseError.RuleViolated, [new(nameof(command.Outcome), refusal)]);
            }

            if (FormalProceeding.DateProblem(command.DecidedOn, today, record.AppealLodgedOn!.Value, "the appeal was lodged") is { } before)
            {
                throw UseCaseException.InvalidFields([new(nameof(command.DecidedOn), before)]);
            }

            record.DecideAppeal(outcome, command.DecidedOn!.Value, onCase.Actor.UserId, today);
            onCase.Log(LogEventTypes.AppealDecided, DecideAppealQuestion, Answer(outcome.ToString(), record.AppealDecidedOn!.Value));
            return Task.FromResult(record);
        }, cancellationToken);
    }

    /// <summary>
    /// Ends the formal process on an action once it has an end (<see cref="FormalProceeding.ClosureRefusal"/>): the action
    /// closes, and with it the case when no other action is open — so the person can then be offered the fairness survey.
    /// The answer says why it ended: NoCaseToAnswer, NotAppealed or AppealDecided, with the day.
    /// </summary>
    public Task<FormalProcessView> CloseAsync(CloseFormalProcessCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return OnActionAsync(command.ConcernId, command.ActionOrdinal, command.UserId, command.ExpectedVersion, (onCase, existing, _, _) =>
        {
            if (FormalProceeding.ClosureRefusal(existing) is { } refusal)
            {
                throw UseCaseException.RuleViolated(refusal, "Close");
            }

            var record = existing!;
            var why = record.Finding == InvestigationFinding.NoCaseToAnswer ? "NoCaseToAnswer"
                : record.AppealOutcome is not null ? "AppealDecided"
                : "NotAppealed";
            onCase.Action!.CloseFormalProcess();
            onCase.Log(LogEventTypes.FormalProcessClosed, CloseQuestion, Answer(why, TodayUk));
            return Task.FromResult(record);
        }, cancellationToken);
    }

    /// <summary>A step on one action: the case locked and admitted (an independent commissioning manager), the action's
    /// formal investigation started, the action's formal record (if any) loaded inside the lock and its version checked.</summary>
    private Task<FormalProcessView> OnActionAsync(Guid concernId, int actionOrdinal, string userId, int? expectedVersion,
        Func<CaseStepContext, FormalProceeding?, DateOnly, CancellationToken, Task<FormalProceeding>> apply, CancellationToken cancellationToken) =>
        step.RunAsync(
            new CaseStepRequest(CaseTarget.Action(concernId, actionOrdinal), userId, CaseAccess.Review),
            async (onCase, ct) =>
            {
                var action = onCase.Action ?? throw UseCaseException.NotFound($"Concern {concernId} has no action {actionOrdinal}.");
                if (action.FormalInvestigationStartedAtUtc is not { } startedUtc)
                {
                    // The formal process is reachable only through a commissioning review's FormalInvestigation route.
                    throw UseCaseException.RuleViolated("No formal investigation has started on this action: only a commissioning review can start one, and nothing formal can be recorded before it.");
                }

                if (action.Stage != Domain.Concerns.ActionStage.FormalInvestigation)
                {
                    throw UseCaseException.Conflict("The formal process on this action is closed: nothing more can be recorded on it.");
                }

                var existing = await db.FormalProceedings.SingleOrDefaultAsync(f => f.ConcernId == concernId && f.ActionOrdinal == actionOrdinal, ct);
                if (expectedVersion is { } expected && existing is not null && expected != existing.Version)
                {
                    throw UseCaseException.Conflict($"This has moved on since your page was built (version {existing.Version}, your page showed version {expected}). Reload it to see what changed.");
                }

                var record = await apply(onCase, existing, UkDates.UkDateOf(startedUtc), ct);
                return FormalProcessView.From(record);
            },
            cancellationToken);

    /// <summary>What an auditor may read: the fixed choice, then the date; never free text.</summary>
    public static string Answer(string choice, DateOnly date) => $"{choice}; {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The fixed choice of an answer written by <see cref="Answer"/>.</summary>
    public static string? Choice(string? answer) => answer is null ? null : answer.Split(';', 2)[0].Trim();
}
