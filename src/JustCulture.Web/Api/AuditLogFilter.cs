using System.Globalization;
using JustCulture.Application.Common;
using JustCulture.Application.Log;

namespace JustCulture.Web.Api;

/// <summary>The log API's filter from its query string: dates are ISO (YYYY-MM-DD) UK dates; a bad one is a 400 keyed by its field.</summary>
public static class AuditLogFilter
{
    public static LogFilter Parse(string? caseReference, string? eventType, string? from, string? to)
    {
        var problems = new List<FieldProblem>();
        var fromDate = Date(from, "From", problems);
        var toDate = Date(to, "To", problems);
        if (problems.Count > 0)
        {
            throw UseCaseException.InvalidFields(problems);
        }

        return new LogFilter(caseReference, eventType, fromDate, toDate);
    }

    private static DateOnly? Date(string? text, string field, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }

        problems.Add(new FieldProblem(field, $"{field.ToLowerInvariant()}: '{text.Trim()}' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-15."));
        return null;
    }
}
