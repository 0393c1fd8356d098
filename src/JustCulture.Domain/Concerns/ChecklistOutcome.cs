using System.Text.Json.Serialization;

namespace JustCulture.Domain.Concerns;

/// <summary>Outcomes A–G of the just culture guide (docs/domain/just-culture-checklist.md).</summary>
// Written by name wherever the product writes JSON, so a client reads "G", not 6.
[JsonConverter(typeof(JsonStringEnumConverter<ChecklistOutcome>))]
public enum ChecklistOutcome
{
    /// <summary>Deliberate harm.</summary>
    A,
    /// <summary>Substance abuse.</summary>
    B,
    /// <summary>Ill health.</summary>
    C,
    /// <summary>System failure: protocols missing, unworkable or not knowingly departed from.</summary>
    D,
    /// <summary>System failure: peers would have done the same, training or supervision missing.</summary>
    E,
    /// <summary>Significant mitigation.</summary>
    F,
    /// <summary>No mitigation.</summary>
    G,
}
