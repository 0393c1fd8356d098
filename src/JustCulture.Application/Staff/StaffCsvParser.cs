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

    internal StaffCsvParseResult(IReadOnlyList<StaffDetails> rows, IReadOnlyList<int> lines, IReadOnlyList<CsvError> errors, StaffFileHeader? header)
    {
        Rows = rows;
        _lines = lines;
        Errors = errors;
        Header = header;
    }

    /// <summary>Where each column was found; null when the header itself was refused.</summary>
    public StaffFileHeader? Header { get; }

    public IReadOnlyList<StaffDetails> Rows { get; }

    public IReadOnlyList<CsvError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The physical line of the file on which <see cref="Rows"/>[<paramref name="rowIndex"/>] started.</summary>
    public int LineOf(int rowIndex) => _lines[rowIndex];
}

/// <summary>
/// Reads the workforce import file through the shared <see cref="CsvImportReader"/> (RFC 4180, one value per
/// column). Columns are found by heading — ours (<c>StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef</c>)
/// or ESR's (<see cref="StaffFileColumns"/>), in any order, other columns ignored. Every row and every field is
/// checked and every problem reported, named by the file's own heading, because the import is all or nothing and
/// a person fixing the file wants the whole list at once.
/// </summary>
public static class StaffCsvParser
{
    public const int StaffRefMaxLength = 32;
    public const int NameMaxLength = 200;
    public const int OtherMaxLength = 100;

    public static IReadOnlyList<string> Columns { get; } = [.. StaffFileColumns.All.Select(c => c.Name)];

    public static string Header { get; } = string.Join(',', Columns);

    /// <summary>ISO, UK day-first with or without leading zeros (as spreadsheets write it), and ESR's "02-Sep-2019".</summary>
    public static IReadOnlyList<string> DateFormats { get; } = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MMM-yyyy", "d-MMM-yyyy", "d MMM yyyy"];

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

        var file = CsvImportReader.ReadTable(reader, sourceName);
        var header = file.Header.Count == 0 ? null : StaffFileColumns.Resolve(file.Header, file.HeaderLine, sourceName, errors);
        if (header is null)
        {
            return new StaffCsvParseResult([], [], [.. file.Errors.Concat(errors).OrderBy(e => e.Line)], null);
        }

        var firstLineOfRef = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in file.Rows)
        {
            var row = new RowValidator(sourceName, record.Line, header, record.Fields, errors);
            var details = row.Validate(limit);
            if (details is null)
            {
                continue;
            }

            if (firstLineOfRef.TryGetValue(details.StaffRef, out var firstLine))
            {
                errors.Add(new CsvError(sourceName, record.Line, header.HeadingOf(StaffFileColumns.StaffRef), string.Create(CultureInfo.InvariantCulture,
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
        return new StaffCsvParseResult(rows, lines, [.. file.Errors.Concat(errors).OrderBy(e => e.Line)], header);
    }

    /// <summary>Checks one row's fields, adding an error per bad field.</summary>
    private sealed class RowValidator(string sourceName, int line, StaffFileHeader header, IReadOnlyList<string> fields, List<CsvError> errors)
    {
        public bool HasErrors { get; private set; }

        public StaffDetails? Validate(DateOnly today)
        {
            var staffRef = Required(StaffFileColumns.StaffRef, StaffRefMaxLength);
            var name = Required(StaffFileColumns.Name, NameMaxLength);
            var ethnicCode = Ethnicity();
            var band = Required(StaffFileColumns.Band, OtherMaxLength);
            var staffGroup = Required(StaffFileColumns.StaffGroup, OtherMaxLength);
            var directorate = Required(StaffFileColumns.Directorate, OtherMaxLength);
            var startDate = StartDate(today);
            var lineManager = Optional(StaffFileColumns.LineManagerRef, StaffRefMaxLength);
            if (lineManager is not null && staffRef is not null && string.Equals(lineManager, staffRef, StringComparison.Ordinal))
            {
                Error(StaffFileColumns.LineManagerRef, $"'{lineManager}' is this person's own {header.HeadingOf(StaffFileColumns.StaffRef)}; nobody manages themselves");
            }

            // A row whose StaffRef is readable is returned even with other errors so duplicates are still detected.
            return staffRef is null
                ? null
                : new StaffDetails(staffRef, name ?? string.Empty, ethnicCode ?? EthnicCode.NotRecorded, band ?? string.Empty,
                    staffGroup ?? string.Empty, directorate ?? string.Empty, startDate ?? default, lineManager);
        }

        private string Value(StaffFileColumn column) => header.ValueOf(column, fields).Trim();

        private string? Required(StaffFileColumn column, int maxLength)
        {
            var value = Value(column);
            if (value.Length == 0)
            {
                Error(column, "is required but blank");
                return null;
            }

            return Bounded(column, value, maxLength);
        }

        private string? Optional(StaffFileColumn column, int maxLength)
        {
            var value = Value(column);
            return value.Length == 0 ? null : Bounded(column, value, maxLength);
        }

        private string? Bounded(StaffFileColumn field, string value, int maxLength)
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
            var text = Optional(StaffFileColumns.EthnicCode, OtherMaxLength);
            if (text is null)
            {
                // Blank is allowed: "not recorded", which WRES counts as not stated.
                return Value(StaffFileColumns.EthnicCode).Length == 0 ? EthnicCode.NotRecorded : null;
            }

            if (EthnicCode.TryParse(text, out var code, out var error))
            {
                return code;
            }

            Error(StaffFileColumns.EthnicCode, error ?? $"'{text}' is not an NHS ethnic category code");
            return null;
        }

        private DateOnly? StartDate(DateOnly today)
        {
            var text = Value(StaffFileColumns.StartDate);
            if (text.Length == 0)
            {
                Error(StaffFileColumns.StartDate, "is required but blank (write it as yyyy-MM-dd, e.g. 2019-09-02)");
                return null;
            }

            if (!DateOnly.TryParseExact(text, [.. DateFormats], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error(StaffFileColumns.StartDate, $"'{text}' is not a date; write it as yyyy-MM-dd (e.g. 2019-09-02), dd/MM/yyyy or dd-MMM-yyyy (02-Sep-2019)");
                return null;
            }

            if (date > today)
            {
                Error(StaffFileColumns.StartDate, string.Create(CultureInfo.InvariantCulture,
                    $"{date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}); only current staff are imported"));
                return null;
            }

            return date;
        }

        private void Error(StaffFileColumn column, string message)
        {
            HasErrors = true;
            errors.Add(new CsvError(sourceName, line, header.HeadingOf(column), message));
        }
    }
}
