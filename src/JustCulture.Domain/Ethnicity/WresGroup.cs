namespace JustCulture.Domain.Ethnicity;

/// <summary>The WRES grouping derived from the recorded ethnic code.</summary>
public enum WresGroup
{
    White,
    Bme,
    NotStated,
}
