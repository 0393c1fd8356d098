using System.Text.Json.Serialization;

namespace JustCulture.Domain.Concerns;

/// <summary>A concern's overall status: the least advanced stage of its actions, except that any
/// formal investigation shows, because that is what the person concerned is facing.</summary>
// Written by name wherever the product writes JSON, so a client reads "AwaitingReview", not 1.
[JsonConverter(typeof(JsonStringEnumConverter<ConcernStatus>))]
public enum ConcernStatus
{
    Checklist,
    AwaitingReview,
    InformalResolution,
    FormalInvestigation,
    Closed,
}
