using System.Globalization;
using JustCulture.Application.Staff;
using JustCulture.Domain;

namespace JustCulture.Cli.Commands;

/// <summary>The staff import preview in words, as <c>staff import --dry-run</c> prints it (the web preview shows the same figures).</summary>
internal static class StaffImportPreviewText
{
    public static IEnumerable<string> Lines(StaffImportPreview preview)
    {
        yield return $"Preview of {preview.SourceName} for {preview.Year}: nothing has been written.";
        yield return Say($"{preview.Rows:N0} people in the file: {preview.NewPeople:N0} new, {preview.ChangedPeople:N0} changed, {preview.UnchangedPeople:N0} unchanged.");
        if (preview.ChangedFields.Count > 0)
        {
            yield return "Changed: " + string.Join(", ", preview.ChangedFields.Select(f => Say($"{Vocabulary.Field(f.Field).ToLowerInvariant()} for {f.People:N0}"))) + ".";
        }

        yield return Say($"Leavers (in the current snapshot, not in this file): {preview.Leavers:N0}.");
        yield return preview.Replaces is { } old
            ? Say($"Replaces the snapshot imported {UkDates.DateTime(old.ImportedAtUtc)} by {old.ImportedBy} ({old.Rows:N0} people), which is kept in the history.")
            : $"There is no {preview.Year} snapshot yet; this file becomes the first.";
        yield return "WRES groups, current snapshot -> this file:";
        yield return Row("White", preview.Before.White, preview.After.White);
        yield return Row("BME", preview.Before.Bme, preview.After.Bme);
        yield return Row("Not stated", preview.Before.NotStated, preview.After.NotStated) + " (excluded from indicator 3)";
        yield return Row("Total", preview.Before.Total, preview.After.Total);
        var renamed = preview.ColumnsRead.Where(r => !string.Equals(r.Column, r.Heading, StringComparison.Ordinal)).ToList();
        if (renamed.Count > 0)
        {
            yield return "Columns read: " + string.Join(", ", renamed.Select(r => $"{r.Column} from \"{r.Heading}\"")) + ".";
        }

        if (preview.ColumnsIgnored.Count > 0)
        {
            yield return "Columns not read: " + string.Join(", ", preview.ColumnsIgnored) + ".";
        }

        if (preview.IsBigDrop)
        {
            yield return Say($"Warning: the headcount drops by {preview.DropPercent}%. Importing it needs --confirm-drop (this file is the whole workforce).");
        }
    }

    private static string Row(string group, int before, int after) => Say($"  {group,-11} {before,7:N0} -> {after,7:N0}");

    private static string Say(FormattableString text) => text.ToString(CultureInfo.GetCultureInfo("en-GB"));
}
