namespace JustCulture.Web.Pages.Shared;

/// <summary>What the NHS.UK text box or text area partial (<c>_TextField</c>) draws: its name (the bound property),
/// label, value, hint and error.</summary>
public sealed record TextField(string Name, string Label, string? Value, string? Hint, bool Multiline, string? Error, string LabelClass = "nhsuk-label--s");
