namespace JustCulture.Web.Pages.Shared;

/// <summary>The element id Razor gives a bound field ("Input.Summary" → "Input_Summary"), so error-summary links land on it.</summary>
public static class FieldIds
{
    public static string For(string modelStateKey)
    {
        ArgumentNullException.ThrowIfNull(modelStateKey);
        return modelStateKey.Replace('.', '_').Replace('[', '_').Replace(']', '_');
    }
}
