namespace JustCulture.Application.Ambassadors;

/// <summary>
/// The trust's cultural-ambassador setting (web: <c>JustCulture:CulturalAmbassador:Enabled</c>, off by default, and
/// <c>JustCulture:CulturalAmbassador:Ambassadors</c>, the trained ambassadors by name): when on, a case about a BME
/// member of staff cannot take a formal route until an ambassador from the list has been invited to its review and
/// their observations recorded (docs/domain/process-safeguards.md, "Cultural ambassador").
/// </summary>
public sealed class AmbassadorRules
{
    public AmbassadorRules(bool enabled = false, IEnumerable<string>? ambassadors = null)
    {
        Ambassadors = (ambassadors ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (enabled && Ambassadors.Count == 0)
        {
            throw new ArgumentException("JustCulture:CulturalAmbassador:Enabled is on but no ambassador is named in JustCulture:CulturalAmbassador:Ambassadors: no BME case could ever take a formal route.", nameof(ambassadors));
        }

        if (Ambassadors.Any(a => a.Length > Domain.Ambassadors.AmbassadorInvitation.MaxAmbassadorLength))
        {
            throw new ArgumentException($"An ambassador's name in JustCulture:CulturalAmbassador:Ambassadors is longer than {Domain.Ambassadors.AmbassadorInvitation.MaxAmbassadorLength} characters.", nameof(ambassadors));
        }

        Enabled = enabled;
    }

    public static AmbassadorRules Off { get; } = new();

    public bool Enabled { get; }

    /// <summary>The trained ambassadors, as the trust names them.</summary>
    public IReadOnlyList<string> Ambassadors { get; }

    public bool IsAmbassador(string? name) => name is not null && Ambassadors.Contains(name.Trim(), StringComparer.Ordinal);
}
