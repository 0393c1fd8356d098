namespace JustCulture.Domain.Ethnicity;

/// <summary>The WRES grouping derived from the recorded ethnic code (DESIGN §1.4).</summary>
public enum WresGroup
{
    White,
    Bme,
    NotStated,
}
