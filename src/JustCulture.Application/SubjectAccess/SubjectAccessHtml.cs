using System.Net;
using System.Text;
using JustCulture.Domain;

namespace JustCulture.Application.SubjectAccess;

/// <summary>
/// The document as one self-contained HTML file that prints well (no scripts, no external styles): what the
/// person is given. Every value is HTML-encoded — the summaries and rationales are free text.
/// </summary>
public static class SubjectAccessHtml
{
    public static string Render(SubjectAccessDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en-GB\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<title>Subject access: staff ref {E(document.StaffRef)}</title>");
        html.AppendLine("<style>body{font-family:Arial,sans-serif;max-width:48em;margin:2em auto;line-height:1.4;color:#212b32}"
            + "h1,h2,h3{margin-bottom:.3em}section{break-inside:avoid-page;border-top:1px solid #d8dde0;margin-top:1.5em}"
            + "dl{display:grid;grid-template-columns:14em 1fr;gap:.2em 1em}dt{font-weight:bold}dd{margin:0;white-space:pre-wrap}"
            + "table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #d8dde0;padding:.3em}"
            + "td{white-space:pre-wrap}@media print{body{margin:0}}</style></head><body>");
        html.AppendLine($"<h1>Subject access: staff ref {E(document.StaffRef)}</h1>");
        html.AppendLine($"<p>Produced on {E(UkDates.DateTime(document.ProducedAtUtc))}. It lists the staff record held about this person and every case about them, with each decision and the role of the person who made it.</p>");

        html.AppendLine("<h2>Staff record as held</h2>");
        if (document.StaffRecord is { } record)
        {
            Fields(html, [
                ("Name", record.Name), ("Ethnicity as recorded", record.Ethnicity), ("WRES group", record.WresGroup), ("Band", record.Band),
                ("Staff group", record.StaffGroup), ("Directorate", record.Directorate), ("Start date", UkDates.Date(record.StartDate))]);
        }
        else
        {
            html.AppendLine("<p>No staff record is held for this staff ref.</p>");
        }

        html.AppendLine($"<h2>Cases ({document.Cases.Count})</h2>");
        if (document.Cases.Count == 0)
        {
            html.AppendLine("<p>No case about this person is held.</p>");
        }

        foreach (var item in document.Cases)
        {
            Case(html, item);
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void Case(StringBuilder html, SubjectAccessCase item)
    {
        html.AppendLine($"<section><h3>Case {E(item.Reference)}</h3>");
        if (item.ErasedAtUtc is { } erased)
        {
            html.AppendLine($"<p>Erased on {E(UkDates.Date(erased))} at the end of its retention period: nothing more is held.</p></section>");
            return;
        }

        Fields(html, [
            ("Raised", item.OpenedAtUtc is { } opened ? UkDates.DateTime(opened) : null), ("Category", item.Category),
            ("Incident date", item.IncidentDate is { } date ? UkDates.Date(date) : "Not given"), ("Where it is now", item.Status), ("What happened", item.Summary)]);
        foreach (var action in item.Actions)
        {
            html.AppendLine($"<h4>Action {action.Ordinal}</h4>");
            Fields(html, [
                ("Action or omission", action.Description), ("Stage", action.Stage), ("Checklist outcome", action.Outcome), ("Route", action.Route),
                ("Informal resolution: agreed actions", action.InformalAgreedActions),
                ("Informal resolution: review date", action.InformalReviewDate is { } review ? UkDates.Date(review) : null),
                ("Formal investigation started", action.FormalInvestigationStartedAtUtc is { } started ? UkDates.DateTime(started) : null)]);
        }

        html.AppendLine("<h4>Decisions</h4>");
        html.AppendLine("<table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">What</th><th scope=\"col\">Question and answer</th><th scope=\"col\">Reasons given</th><th scope=\"col\">Decided by</th></tr></thead><tbody>");
        foreach (var d in item.Decisions)
        {
            var what = d.ActionOrdinal is { } n ? $"{d.What} (action {n})" : d.What;
            var qa = string.Join("\n", new[] { d.Question, d.Answer is null ? null : $"Answer: {d.Answer}" }.Where(t => !string.IsNullOrEmpty(t)));
            var reasons = string.Join("\n", new[] { d.Rationale, d.InformalNotAppropriate is null ? null : $"Why informal resolution is not appropriate: {d.InformalNotAppropriate}" }
                .Where(t => !string.IsNullOrEmpty(t)));
            html.AppendLine($"<tr><td>{E(UkDates.DateTime(d.OccurredAtUtc))}</td><td>{E(what)}</td><td>{E(qa)}</td><td>{E(reasons)}</td><td>{E(d.DecidedBy)}</td></tr>");
        }

        html.AppendLine("</tbody></table></section>");
    }

    private static void Fields(StringBuilder html, IEnumerable<(string Name, string? Value)> fields)
    {
        html.AppendLine("<dl>");
        foreach (var (name, value) in fields.Where(f => !string.IsNullOrEmpty(f.Value)))
        {
            html.AppendLine($"<dt>{E(name)}</dt><dd>{E(value)}</dd>");
        }

        html.AppendLine("</dl>");
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
