using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Users;

namespace JustCulture.Domain.Ambassadors;

/// <summary>
/// A trained cultural ambassador invited to the commissioning review of a case about a BME member of staff, and
/// the observations they gave (docs/domain/process-safeguards.md, "Cultural ambassador"). One per case.
/// </summary>
public sealed class AmbassadorInvitation
{
    private AmbassadorInvitation()
    {
        Ambassador = InvitedByUserId = string.Empty;
    }

    public const int MaxAmbassadorLength = 100;
    public const int MaxObservationsLength = 4000;

    public Guid Id { get; private set; }
    public Guid ConcernId { get; private set; }

    /// <summary>The ambassador as named in the trust's list (setting JustCulture:CulturalAmbassador:Ambassadors).</summary>
    public string Ambassador { get; private set; }

    public string InvitedByUserId { get; private set; }
    public DateTime InvitedAtUtc { get; private set; }

    /// <summary>What the ambassador observed about the case and its handling; free text, sealed in the log.</summary>
    public string? Observations { get; private set; }

    public string? ObservationsRecordedByUserId { get; private set; }
    public DateTime? ObservationsRecordedAtUtc { get; private set; }
    public int Version { get; private set; }

    public bool HasObservations => Observations is not null;

    public static AmbassadorInvitation Invite(Guid concernId, string ambassador, User by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(ambassador) || ambassador.Trim().Length > MaxAmbassadorLength)
        {
            throw new DomainRuleException("Choose an ambassador from the trust's list.", "Ambassador");
        }

        return new AmbassadorInvitation { Id = Guid.NewGuid(), ConcernId = concernId, Ambassador = ambassador.Trim(), InvitedByUserId = by.UserId, InvitedAtUtc = nowUtc };
    }

    public void RecordObservations(string observations, User by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(by);
        var trimmed = observations?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxObservationsLength)
        {
            throw new DomainRuleException($"Enter the ambassador's observations (at most {MaxObservationsLength} characters).", "Observations");
        }

        if (HasObservations)
        {
            throw new DomainRuleException("The ambassador's observations are already recorded.", "Observations");
        }

        Observations = trimmed;
        ObservationsRecordedByUserId = by.UserId;
        ObservationsRecordedAtUtc = nowUtc;
        Version++;
    }
}

/// <summary>
/// The rule, when the trust turns it on: a formal route cannot be chosen for a case about a BME member of staff
/// until a trained ambassador has been invited to the review and their observations recorded.
/// </summary>
public static class CulturalAmbassadorRule
{
    public static bool Applies(bool enabled, WresGroup subjectGroup) => enabled && subjectGroup == WresGroup.Bme;

    /// <summary>Why the formal route cannot be chosen yet, or null.</summary>
    public static string? FormalRouteRefusal(bool enabled, WresGroup subjectGroup, AmbassadorInvitation? invitation)
    {
        if (!Applies(enabled, subjectGroup))
        {
            return null;
        }

        return invitation is null
            ? "A cultural ambassador must be invited to this review before a formal investigation can be chosen."
            : invitation.HasObservations ? null
            : "The cultural ambassador's observations must be recorded before a formal investigation can be chosen.";
    }

    /// <summary>The domain guard: refuses the formal route while the rule is not met.</summary>
    public static void EnsureFormalRouteAllowed(bool enabled, WresGroup subjectGroup, AmbassadorInvitation? invitation)
    {
        if (FormalRouteRefusal(enabled, subjectGroup, invitation) is { } refusal)
        {
            throw new DomainRuleException(refusal, "Ambassador");
        }
    }
}
