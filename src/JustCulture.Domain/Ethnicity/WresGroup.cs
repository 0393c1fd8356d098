namespace JustCulture.Domain.Ethnicity;

/// <summary>The WRES grouping derived from the recorded ethnic code (docs/domain/ethnicity-coding.md).</summary>
public enum WresGroup
{
    White,
    Bme,
    NotStated,
}
