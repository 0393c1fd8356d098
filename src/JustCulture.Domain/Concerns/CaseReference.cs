namespace JustCulture.Domain.Concerns;

/// <summary>
/// How a case is named where the person concerned must not be identifiable (the blinded review): derived
/// from the concern's id, never from the staff ref, which anyone with access to the workforce system can
/// look up to find the name and ethnicity that blinding hides.
/// </summary>
public static class CaseReference
{
    public static string Of(Guid concernId) => "JC-" + concernId.ToString("N")[..8].ToUpperInvariant();
}
