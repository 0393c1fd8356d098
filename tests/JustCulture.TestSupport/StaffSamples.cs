using JustCulture.Domain.Ethnicity;

namespace JustCulture.TestSupport;

/// <summary>The sample staff files under samples/, and the WRES group each recorded code must give, worked out here
/// from the NHS Data Dictionary rule (not by the code under test): the national category is the first character;
/// A, B, C are White; D–S are BME; Z, 99 and blank are not stated.</summary>
public static class StaffSamples
{
    public static string DemoPath => Path.Combine(RepositoryPaths.RepoRoot, "samples", "staff-demo.csv");

    public static string EsrExportPath => Path.Combine(RepositoryPaths.RepoRoot, "samples", "staff-esr-export.csv");

    /// <summary>Counted by hand from both samples (the same 40 people).</summary>
    public const int People = 40;
    public const int White = 16;
    public const int Bme = 20;
    public const int NotStated = 4;

    public static WresGroup ExpectedGroup(string recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var value = recorded.Trim();
        if (value.Length == 0 || value.StartsWith("99", StringComparison.Ordinal) || value[0] == 'Z')
        {
            return WresGroup.NotStated;
        }

        return "ABC".Contains(value[0], StringComparison.Ordinal) ? WresGroup.White : WresGroup.Bme;
    }
}
