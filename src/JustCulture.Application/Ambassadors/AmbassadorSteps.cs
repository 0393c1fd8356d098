using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain.Ambassadors;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Ambassadors;

public sealed record InviteAmbassadorCommand(Guid ConcernId, string UserId, string? Ambassador);

public sealed record RecordObservationsCommand(Guid ConcernId, string UserId, string? Observations, int? ExpectedVersion = null);

public sealed record AmbassadorDecided(Guid InvitationId, Guid ConcernId, bool ObservationsRecorded, int Version);

/// <summary>
/// Inviting a cultural ambassador to a case's review and recording their observations, each a case step
/// (docs/decisions/0006-one-case-step.md) under the review's access policy. An ambassador may be invited to any case
/// while the setting is on, so that an invitation says nothing about whom the case is about; only cases about BME
/// staff require one before a formal route (docs/domain/process-safeguards.md, "Cultural ambassador").
/// </summary>
public sealed class AmbassadorSteps(JustCultureDbContext db, CaseStep step, AmbassadorRules rules)
{
    public const string InviteQuestion = "Invite a cultural ambassador to the review";
    public const string ObservationsQuestion = "Record the cultural ambassador's observations";

    public Task<AmbassadorDecided> InviteAsync(InviteAmbassadorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireEnabled();
        if (!rules.IsAmbassador(command.Ambassador))
        {
            throw UseCaseException.InvalidFields([new FieldProblem(nameof(command.Ambassador), "Choose an ambassador from the trust's list of trained cultural ambassadors.")]);
        }

        return step.RunAsync(
            new CaseStepRequest(CaseTarget.Case(command.ConcernId), command.UserId, CaseAccess.Review),
            async (onCase, ct) =>
            {
                if (onCase.Concern.Status == ConcernStatus.Closed)
                {
                    throw UseCaseException.RuleViolated("This case is closed: there is no review to invite an ambassador to.", nameof(command.Ambassador));
                }

                if (await db.AmbassadorInvitations.AnyAsync(a => a.ConcernId == onCase.Concern.Id, ct))
                {
                    throw UseCaseException.Conflict("An ambassador is already invited to this case's review.");
                }

                var invitation = AmbassadorInvitation.Invite(onCase.Concern.Id, command.Ambassador!, onCase.Actor, onCase.NowUtc);
                db.AmbassadorInvitations.Add(invitation);
                // The ambassador's name is a person's name: sealed, never the auditor's answer.
                onCase.Log(LogEventTypes.AmbassadorInvited, InviteQuestion, "Invited", $"Ambassador: {invitation.Ambassador}");
                return Decided(invitation);
            },
            cancellationToken);
    }

    public Task<AmbassadorDecided> RecordObservationsAsync(RecordObservationsCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireEnabled();
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.Observations), command.Observations, "the ambassador's observations", AmbassadorInvitation.MaxObservationsLength, required: true, multiline: true);
        InputRules.ThrowIfAny(problems);
        return step.RunAsync(
            new CaseStepRequest(CaseTarget.Case(command.ConcernId), command.UserId, CaseAccess.Review),
            async (onCase, ct) =>
            {
                var invitation = await db.AmbassadorInvitations.SingleOrDefaultAsync(a => a.ConcernId == onCase.Concern.Id, ct)
                    ?? throw UseCaseException.RuleViolated("Invite an ambassador first.", "Ambassador");
                if (command.ExpectedVersion is { } expected && expected != invitation.Version)
                {
                    throw UseCaseException.Conflict("The ambassador's record has changed since your page was built. Reload it to see what changed.");
                }

                if (invitation.HasObservations)
                {
                    throw UseCaseException.Conflict("The ambassador's observations are already recorded.");
                }

                invitation.RecordObservations(command.Observations!, onCase.Actor, onCase.NowUtc);
                onCase.Log(LogEventTypes.AmbassadorObservationsRecorded, ObservationsQuestion, "Recorded", invitation.Observations);
                return Decided(invitation);
            },
            cancellationToken);
    }

    private void RequireEnabled()
    {
        if (!rules.Enabled)
        {
            throw UseCaseException.RuleViolated("Cultural ambassadors are not in use at this trust (setting JustCulture:CulturalAmbassador:Enabled is off).");
        }
    }

    private static AmbassadorDecided Decided(AmbassadorInvitation a) => new(a.Id, a.ConcernId, a.HasObservations, a.Version);
}

public sealed record AmbassadorView(Guid ConcernId, bool Enabled, bool Invited, string? Ambassador, DateTime? InvitedAtUtc, string? Observations,
    DateTime? ObservationsRecordedAtUtc, int Version, IReadOnlyList<string> Ambassadors);

/// <summary>A case's ambassador, for an independent commissioning manager of the case (the review's access policy).</summary>
public sealed class CaseAmbassadorHandler(JustCultureDbContext db, CaseReader reader, AmbassadorRules rules)
{
    public async Task<AmbassadorView> HandleAsync(Guid concernId, string userId, CancellationToken cancellationToken = default)
    {
        await reader.ReadAsync(CaseTarget.Case(concernId), userId, CaseAccess.Review, cancellationToken);
        var invitation = await db.AmbassadorInvitations.AsNoTracking().SingleOrDefaultAsync(a => a.ConcernId == concernId, cancellationToken);
        return new AmbassadorView(concernId, rules.Enabled, invitation is not null, invitation?.Ambassador, invitation?.InvitedAtUtc, invitation?.Observations,
            invitation?.ObservationsRecordedAtUtc, invitation?.Version ?? 0, rules.Ambassadors);
    }
}

/// <summary>
/// The step's half of the ambassador rule: read before the step (an invitation and its observations are only ever
/// added, so reading them early can refuse a decision that has just become allowed, never allow one that is not),
/// then checked inside it when the action has just entered the formal investigation — however the workflow got there.
/// </summary>
public sealed class AmbassadorGate(JustCultureDbContext db, AmbassadorRules rules)
{
    public async Task<AmbassadorInvitation?> InvitationForTaskAsync(Guid taskId, CancellationToken cancellationToken)
    {
        if (!rules.Enabled)
        {
            return null;
        }

        var concernId = await (from b in db.Bookmarks.AsNoTracking()
                               join a in db.ConcernActions.AsNoTracking() on b.WorkflowInstanceId equals a.WorkflowInstanceId
                               where b.Id == taskId
                               select (Guid?)a.ConcernId).FirstOrDefaultAsync(cancellationToken);
        return concernId is null ? null
            : await db.AmbassadorInvitations.AsNoTracking().SingleOrDefaultAsync(a => a.ConcernId == concernId, cancellationToken);
    }

    /// <summary>Refuses (the domain guard's refusal, keyed "Ambassador") when the step has started a formal investigation
    /// the rule does not allow yet: judged by what the step logs, so it holds whatever the workflow did to get there.</summary>
    public void Check(CaseStepContext onCase, AmbassadorInvitation? invitation)
    {
        ArgumentNullException.ThrowIfNull(onCase);
        if (onCase.Entries.Any(e => e.EventType == LogEventTypes.FormalInvestigationStarted))
        {
            CulturalAmbassadorRule.EnsureFormalRouteAllowed(rules.Enabled, onCase.Subject.WresGroup,
                invitation is not null && invitation.ConcernId == onCase.Concern.Id ? invitation : null);
        }
    }
}
