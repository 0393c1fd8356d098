using System.Globalization;
using JustCulture.Application.Csv;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Staff;

namespace JustCulture.Application.Staff;

/// <summary>
/// The rows that validated and every error found. Callers import nothing unless <see cref="Errors"/> is empty.
/// </summary>
public sealed class StaffCsvParseResult
{
    private readonly IReadOnlyList<int> _lines;

    internal StaffCsvParseResult(IReadOnlyList<StaffDetails> rows, IReadOnlyList<int> lines, IReadOnlyList<CsvError> errors)
    {
        Rows = rows;
        _lines = lines;
        Errors = errors;
    }

    public IReadOnlyList<StaffDetails> Rows { get; }

    public IReadOnlyList<CsvError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The physical line of the file on which <see cref="Rows"/>[<paramref name="rowIndex"/>] started.</summary>
    public int LineOf(int rowIndex) => _lines[rowIndex];
}

/// <summary>
/// Reads the workforce import file through the shared <see cref="CsvImportReader"/> (RFC 4180, exact header
/// <c>StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef</c>, one value per column).
/// Every row and every field is checked and every problem reported, because the import is all or nothing
/// and a person fixing the file wants the whole list at once.
/// </summary>
public static class StaffCsvParser
{
    public const int StaffRefMaxLength = 32;
    public const int NameMaxLength = 200;
    public const int OtherMaxLength = 100;

    public static IReadOnlyList<string> Columns { get; } =
        ["StaffRef", "Name", "EthnicCode", "Band", "StaffGroup", "Directorate", "StartDate", "LineManagerRef"];

    public static string Header { get; } = string.Join(',', Columns);

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    /// <param name="reader">The file's text.</param>
    /// <param name="sourceName">Shown in every error, e.g. "staff.csv".</param>
    /// <param name="today">Start dates after this are rejected; defaults to today's UTC date.</param>
    public static StaffCsvParseResult Parse(TextReader reader, string sourceName, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var limit = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var errors = new List<CsvError>();
        var rows = new List<StaffDetails>();
        var lines = new List<int>();

        var file = CsvImportReader.Read(reader, sourceName, Columns, StringComparer.Ordinal);
        var firstLineOfRef = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in file.Rows)
        {
            var row = new RowValidator(sourceName, record.Line, record.Fields, errors);
            var details = row.Validate(limit);
            if (details is null)
            {
                continue;
            }

            if (firstLineOfRef.TryGetValue(details.StaffRef, out var firstLine))
            {
                errors.Add(new CsvError(sourceName, record.Line, "StaffRef", string.Create(CultureInfo.InvariantCulture,
                    $"'{details.StaffRef}' appears more than once (first on line {firstLine})")));
                continue;
            }

            firstLineOfRef.Add(details.StaffRef, record.Line);
            if (row.HasErrors)
            {
                continue;
            }

            rows.Add(details);
            lines.Add(record.Line);
        }

        // The file's shape problems and the rows' value problems, in line order (a line's shape problem first).
        return new StaffCsvParseResult(rows, lines, [.. file.Errors.Concat(errors).OrderBy(e => e.Line)]);
    }

    /// <summary>Checks one row's fields, adding an error per bad field.</summary>
    private sealed class RowValidator(string sourceName, int line, IReadOnlyList<string> fields, List<CsvError> errors)
    {
        public bool HasErrors { get; private set; }

        public StaffDetails? Validate(DateOnly today)
        {
            var staffRef = Required("StaffRef", 0, StaffRefMaxLength);
            var name = Required("Name", 1, NameMaxLength);
            var ethnicCode = Ethnicity();
            var band = Required("Band", 3, OtherMaxLength);
            var staffGroup = Required("StaffGroup", 4, OtherMaxLength);
            var directorate = Required("Directorate", 5, OtherMaxLength);
            var startDate = StartDate(today);
            var lineManager = Optional("LineManagerRef", 7, StaffRefMaxLength);
            if (lineManager is not null && staffRef is not null && string.Equals(lineManager, staffRef, StringComparison.Ordinal))
            {
                Error("LineManagerRef", $"'{lineManager}' is this person's own StaffRef; nobody manages themselves");
            }

            // A row whose StaffRef is readable is returned even with other errors so duplicates are still detected.
            return staffRef is null
                ? null
                : new StaffDetails(staffRef, name ?? string.Empty, ethnicCode ?? EthnicCode.NotRecorded, band ?? string.Empty,
                    staffGroup ?? string.Empty, directorate ?? string.Empty, startDate ?? default, lineManager);
        }

        private string? Required(string field, int index, int maxLength)
        {
            var value = fields[index].Trim();
            if (value.Length == 0)
            {
                Error(field, "is required but blank");
                return null;
            }

            return Bounded(field, value, maxLength);
        }

        private string? Optional(string field, int index, int maxLength)
        {
            var value = fields[index].Trim();
            return value.Length == 0 ? null : Bounded(field, value, maxLength);
        }

        private string? Bounded(string field, string value, int maxLength)
        {
            if (value.Length > maxLength)
            {
                Error(field, string.Create(CultureInfo.InvariantCulture,
                    $"is {value.Length} characters long; at most {maxLength} are allowed ('{value[..Math.Min(20, value.Length)]}…')"));
                return null;
            }

            if (value.Any(char.IsControl))
            {
                Error(field, "contains a control character (a tab or line break inside the value)");
                return null;
            }

            return value;
        }

        private EthnicCode? Ethnicity()
        {
            var text = Optional("EthnicCode", 2, OtherMaxLength);
            if (text is null)
            {
                // Blank is allowed: "not recorded", which WRES counts as not stated.
                return fields[2].Trim().Length == 0 ? EthnicCode.NotRecorded : null;
            }

            if (EthnicCode.TryParse(text, out var code, out var error))
            {
                return code;
            }

            Error("EthnicCode", error ?? $"'{text}' is not an NHS ethnic category code");
            return null;
        }

        private DateOnly? StartDate(DateOnly today)
        {
            var text = fields[6].Trim();
            if (text.Length == 0)
            {
                Error("StartDate", "is required but blank (write it as yyyy-MM-dd, e.g. 2019-09-02)");
                return null;
            }

            if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error("StartDate", $"'{text}' is not a date; write it as yyyy-MM-dd (e.g. 2019-09-02) or dd/MM/yyyy");
                return null;
            }

            if (date > today)
            {
                Error("StartDate", string.Create(CultureInfo.InvariantCulture,
                    $"{date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}); only current staff are imported"));
                return null;
            }

            return date;
        }

        private void Error(string field, string message)
        {
            HasErrors = true;
            errors.Add(new CsvError(sourceName, line, field, message));
        }
    }
}
