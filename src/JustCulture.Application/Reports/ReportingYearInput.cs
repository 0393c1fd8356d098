using JustCulture.Application.Common;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.Reports;

/// <summary>
/// A reporting year given as input (the report queries, the staff import, the CLI's --year): parsed by the one
/// domain parser, and refused as a 400 / exit code 2 keyed to the input named Year, so a form can place it and the
/// message says which input it was.
/// </summary>
public static class ReportingYearInput
{
    /// <summary>The key of the refusal's <see cref="FieldProblem"/>: the commands' and queries' property name.</summary>
    public const string Field = "Year";

    public static ReportingYear Parse(string? text) => ReportingYear.TryParse(text, out var year, out var error)
        ? year
        : throw UseCaseException.InvalidFields([new FieldProblem(Field, $"year: {error}.")]);
}
