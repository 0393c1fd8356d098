namespace JustCulture.Web.Pages.Shared;

/// <summary>
/// What the NHS.UK date input partial (<c>_DateParts</c>) draws: three boxes named <c>{Name}Day</c>, <c>{Name}Month</c> and
/// <c>{Name}Year</c>, with its error (keyed on the day box, where the error summary links) and the values typed.
/// </summary>
public sealed record DateParts(string Name, string Legend, string Hint, string? Day, string? Month, string? Year, string? Error, string LegendClass = "nhsuk-fieldset__legend--s");
