using AutoMapper;
using JustCulture.Application.Log;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Web.ReadModels;

/// <summary>
/// A decision-log entry as auditors see it through the API — the same pseudonymised view as the log page
/// (<see cref="AuditorView"/>): no names, user ids, staff refs or free text; a keyed pseudonym for the
/// actor; the entry's hash and its predecessor's, to follow the chain (the server verifies it in full).
/// </summary>
public sealed record AuditLogEntryDto(
    long Sequence,
    DateTime OccurredAtUtc,
    string EventType,
    Guid? CaseRef,
    string? DefinitionId,
    int? DefinitionVersion,
    string? ActivityId,
    string? Question,
    string? Answer,
    string ActorRole,
    string ActorPseudonym,
    string PreviousHash,
    string Hash);

/// <summary>The columns an auditor's view is built from, projected in SQL; the actor id never leaves the server.</summary>
public sealed record AuditLogRow
{
    public long Sequence { get; init; }
    public DateTime OccurredAtUtc { get; init; }
    public string EventType { get; init; } = string.Empty;
    public Guid? ConcernId { get; init; }
    public string? DefinitionId { get; init; }
    public int? DefinitionVersion { get; init; }
    public string? ActivityId { get; init; }
    public string? Question { get; init; }
    public string? Answer { get; init; }
    public string ActorId { get; init; } = string.Empty;
    public string ActorRole { get; init; } = string.Empty;
    public string PreviousHash { get; init; } = string.Empty;
    public string Hash { get; init; } = string.Empty;

    public AuditLogEntryDto ToAuditorView(ActorPseudonyms pseudonyms) => new(
        Sequence, OccurredAtUtc, EventType, ConcernId, DefinitionId, DefinitionVersion, ActivityId,
        AuditorView.Question(EventType, Question), AuditorView.Answer(EventType, Answer),
        ActorRole, pseudonyms.For(ActorId), PreviousHash, Hash);
}

public sealed class AuditLogRowProfile : Profile
{
    public AuditLogRowProfile() => CreateMap<DecisionLogEntry, AuditLogRow>();
}
