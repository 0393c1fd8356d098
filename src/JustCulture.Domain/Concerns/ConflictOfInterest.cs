using System.Text.Json.Serialization;

namespace JustCulture.Domain.Concerns;

/// <summary>
/// What a commissioning manager declares with every review decision. Independence by line management is
/// checked by the product (see <see cref="ReviewerIndependence"/>); this declaration covers what it cannot
/// know — a friendship, a past dispute, a relative on the team — and how it was mitigated.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConflictOfInterest>))]
public enum ConflictOfInterest
{
    /// <summary>The reviewer has no conflict of interest in this case.</summary>
    None,
    /// <summary>The reviewer declares a conflict, described with how it is mitigated.</summary>
    Declared,
}
