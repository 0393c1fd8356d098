using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace JustCulture.Web.Pages.Shared;

/// <summary>
/// The error summary lists a form's errors in the order its fields come (NHS.UK guidance), not in the order
/// <see cref="ModelStateDictionary"/> enumerates them (by key, alphabetically). A page declares its
/// bound properties in the order its form shows them, so that order is the fields' order; errors about the whole form
/// come first, and keys that are no property of the page keep their place after the fields.
/// </summary>
public static class ErrorSummaryOrder
{
    public static IEnumerable<(string Key, ModelStateEntry Entry)> Of(ModelStateDictionary modelState, object? page)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var order = (page?.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
            .Where(p => p.IsDefined(typeof(BindPropertyAttribute), inherit: true))
            .Select((p, index) => (p.Name, index))
            .ToDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
        return modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, Entry: e.Value!))
            .OrderBy(e => e.Key.Length == 0 ? -1 : order.GetValueOrDefault(e.Key.Split('.', '[')[0], int.MaxValue));
    }
}
