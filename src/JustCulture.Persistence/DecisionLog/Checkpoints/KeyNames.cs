namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>C2SP signed-note key names: non-empty, no Unicode spaces, no '+'.</summary>
internal static class KeyNames
{
    public const string Rule = "it must be non-empty, with no spaces or '+'";

    public static bool IsValid(string name) =>
        name.Length > 0 && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '+');
}
