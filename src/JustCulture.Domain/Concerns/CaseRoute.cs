using System.Text.Json.Serialization;

namespace JustCulture.Domain.Concerns;

/// <summary>The routes a commissioning review can choose. Names match the review activity's ports.</summary>
// Written by name wherever the product writes JSON, so a client reads "FormalInvestigation", not 4.
[JsonConverter(typeof(JsonStringEnumConverter<CaseRoute>))]
public enum CaseRoute
{
    NoFurtherAction,
    Support,
    SystemLearning,
    InformalResolution,
    FormalInvestigation,
}
