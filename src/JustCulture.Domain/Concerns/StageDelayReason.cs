using System.Text.Json.Serialization;

namespace JustCulture.Domain.Concerns;

/// <summary>Why a stage is past its target (docs/domain/case-clocks.md): a fixed list, always with a few words of explanation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StageDelayReason>))]
public enum StageDelayReason
{
    AwaitingInformation,
    WitnessUnavailable,
    PersonConcernedUnavailable,
    RepresentativeUnavailable,
    DecisionMakerUnavailable,
    OccupationalHealthAdvice,
    ExternalProcess,
    CaseComplexity,
    Other,
}
