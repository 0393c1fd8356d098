using AutoMapper;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Web.ReadModels;

/// <summary>
/// A decision-log entry as auditors see it: pseudonymised — user ids and staff refs, never names — with the
/// hashes so that any entry can be checked by hand.
/// </summary>
public sealed record AuditLogEntryDto
{
    public long Sequence { get; init; }
    public DateTime OccurredAtUtc { get; init; }
    public string EventType { get; init; } = string.Empty;
    public Guid? ConcernId { get; init; }
    public string? SubjectStaffRef { get; init; }
    public string ActorId { get; init; } = string.Empty;
    public string ActorRole { get; init; } = string.Empty;
    public string? DefinitionId { get; init; }
    public int? DefinitionVersion { get; init; }
    public string? ActivityId { get; init; }
    public string? Question { get; init; }
    public string? Answer { get; init; }
    public string? Rationale { get; init; }
    public string? InformalNotAppropriate { get; init; }
    public string PreviousHash { get; init; } = string.Empty;
    public string Hash { get; init; } = string.Empty;
}

public sealed class AuditLogEntryProfile : Profile
{
    public AuditLogEntryProfile() => CreateMap<DecisionLogEntry, AuditLogEntryDto>();
}
