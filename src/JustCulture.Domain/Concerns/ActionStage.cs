using System.Text.Json.Serialization;

namespace JustCulture.Domain.Concerns;

/// <summary>Where one action of a concern is in the triage process.</summary>
// Written by name wherever the product writes JSON, so a client reads "AwaitingReview", not 1.
[JsonConverter(typeof(JsonStringEnumConverter<ActionStage>))]
public enum ActionStage
{
    Checklist,
    AwaitingReview,
    InformalResolution,
    FormalInvestigation,
    Closed,
}
