using System.Globalization;
using System.Text;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Staff;

namespace JustCulture.Application.Staff;

/// <summary>One problem in a staff file, located by source, physical line and column.</summary>
public sealed record StaffCsvError(string SourceName, int Line, string Field, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Field)
        ? string.Create(CultureInfo.InvariantCulture, $"{SourceName} line {Line}: {Message}")
        : string.Create(CultureInfo.InvariantCulture, $"{SourceName} line {Line}, field {Field}: {Message}");
}

/// <summary>
/// The rows that validated and every error found. Callers import nothing unless <see cref="Errors"/> is empty.
/// </summary>
public sealed class StaffCsvParseResult
{
    private readonly IReadOnlyList<int> _lines;

    internal StaffCsvParseResult(IReadOnlyList<StaffDetails> rows, IReadOnlyList<int> lines, IReadOnlyList<StaffCsvError> errors)
    {
        Rows = rows;
        _lines = lines;
        Errors = errors;
    }

    public IReadOnlyList<StaffDetails> Rows { get; }

    public IReadOnlyList<StaffCsvError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>The physical line of the file on which <see cref="Rows"/>[<paramref name="rowIndex"/>] started.</summary>
    public int LineOf(int rowIndex) => _lines[rowIndex];
}

/// <summary>
/// Reads the workforce import file: RFC 4180 CSV with the header
/// <c>StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef</c>.
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
        var errors = new List<StaffCsvError>();
        var rows = new List<StaffDetails>();
        var lines = new List<int>();

        var records = CsvReader.Read(reader, sourceName, errors);
        // Blank lines at the end are an artefact of editors and exports; anywhere else they are suspicious.
        var last = records.Count - 1;
        while (last >= 0 && records[last].IsBlank)
        {
            last--;
        }

        if (last < 0)
        {
            errors.Add(new StaffCsvError(sourceName, 1, string.Empty, $"the file is empty; expected the header {Header}"));
            return new StaffCsvParseResult(rows, lines, errors);
        }

        if (!CheckHeader(records[0], sourceName, errors))
        {
            return new StaffCsvParseResult(rows, lines, errors);
        }

        var firstLineOfRef = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i <= last; i++)
        {
            var record = records[i];
            if (record.IsBlank)
            {
                errors.Add(new StaffCsvError(sourceName, record.Line, string.Empty, "the line is blank; remove it or fill in the row"));
                continue;
            }

            if (record.Fields.Count != Columns.Count)
            {
                errors.Add(new StaffCsvError(sourceName, record.Line, string.Empty, string.Create(CultureInfo.InvariantCulture,
                    $"has {record.Fields.Count} fields but the header has {Columns.Count} ({Header}); check for an unquoted comma")));
                continue;
            }

            var row = new RowValidator(sourceName, record.Line, record.Fields, errors);
            var details = row.Validate(limit);
            if (details is null)
            {
                continue;
            }

            if (firstLineOfRef.TryGetValue(details.StaffRef, out var firstLine))
            {
                errors.Add(new StaffCsvError(sourceName, record.Line, "StaffRef", string.Create(CultureInfo.InvariantCulture,
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

        return new StaffCsvParseResult(rows, lines, errors);
    }

    private static bool CheckHeader(CsvRecord header, string sourceName, List<StaffCsvError> errors)
    {
        var actual = header.Fields.Select(f => f.Trim()).ToList();
        if (actual.SequenceEqual(Columns, StringComparer.Ordinal))
        {
            return true;
        }

        var problems = new List<string>();
        var missing = Columns.Where(c => !actual.Contains(c, StringComparer.Ordinal)).ToList();
        var unexpected = actual.Where(c => !Columns.Contains(c, StringComparer.Ordinal)).ToList();
        var duplicated = actual.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0)
        {
            problems.Add("missing column(s) " + string.Join(", ", missing));
        }

        if (unexpected.Count > 0)
        {
            problems.Add("unexpected column(s) " + string.Join(", ", unexpected.Select(c => c.Length == 0 ? "(blank)" : c)));
        }

        if (duplicated.Count > 0)
        {
            problems.Add("repeated column(s) " + string.Join(", ", duplicated));
        }

        if (problems.Count == 0)
        {
            problems.Add("the columns are in the wrong order");
        }

        errors.Add(new StaffCsvError(sourceName, header.Line, "(header)",
            $"{string.Join("; ", problems)}. The header must be exactly {Header}"));
        return false;
    }

    /// <summary>Checks one row's fields, adding an error per bad field.</summary>
    private sealed class RowValidator(string sourceName, int line, IReadOnlyList<string> fields, List<StaffCsvError> errors)
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
            errors.Add(new StaffCsvError(sourceName, line, field, message));
        }
    }

    private sealed record CsvRecord(int Line, IReadOnlyList<string> Fields)
    {
        public bool IsBlank => Fields.Count == 1 && string.IsNullOrWhiteSpace(Fields[0]);
    }

    /// <summary>
    /// A small RFC 4180 reader: comma separated, fields optionally in double quotes, a doubled quote inside a
    /// quoted field is a quote, quoted fields may hold commas and line breaks, records end with CRLF or LF.
    /// </summary>
    private static class CsvReader
    {
        public static List<CsvRecord> Read(TextReader reader, string sourceName, List<StaffCsvError> errors)
        {
            var records = new List<CsvRecord>();
            var fields = new List<string>();
            var field = new StringBuilder();
            var line = 1;
            var recordLine = 1;
            var inQuotes = false;
            var afterClosingQuote = false;
            var quoteErrorReported = false;
            var atStart = true;

            int c;
            while ((c = reader.Read()) != -1)
            {
                var ch = (char)c;
                if (atStart)
                {
                    atStart = false;
                    if (ch == '\uFEFF')
                    {
                        continue;
                    }
                }

                if (inQuotes)
                {
                    if (ch == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            inQuotes = false;
                            afterClosingQuote = true;
                        }
                    }
                    else
                    {
                        if (ch == '\n')
                        {
                            line++;
                        }

                        field.Append(ch);
                    }

                    continue;
                }

                switch (ch)
                {
                    case ',':
                        fields.Add(field.ToString());
                        field.Clear();
                        afterClosingQuote = false;
                        break;
                    case '\r' when reader.Peek() == '\n':
                        break;
                    case '\r':
                    case '\n':
                        fields.Add(field.ToString());
                        field.Clear();
                        records.Add(new CsvRecord(recordLine, fields));
                        fields = [];
                        afterClosingQuote = false;
                        quoteErrorReported = false;
                        line++;
                        recordLine = line;
                        break;
                    case '"' when field.Length == 0 && !afterClosingQuote:
                        inQuotes = true;
                        break;
                    default:
                        if (afterClosingQuote && !quoteErrorReported)
                        {
                            errors.Add(new StaffCsvError(sourceName, line, string.Empty,
                                "text follows the closing quote of a quoted field; a quote inside a quoted value is written twice (\"\")"));
                            quoteErrorReported = true;
                        }

                        field.Append(ch);
                        break;
                }
            }

            if (inQuotes)
            {
                errors.Add(new StaffCsvError(sourceName, recordLine, string.Empty,
                    "a quoted field is never closed; the file ends inside quotes"));
            }

            if (field.Length > 0 || fields.Count > 0 || afterClosingQuote)
            {
                fields.Add(field.ToString());
                records.Add(new CsvRecord(recordLine, fields));
            }

            return records;
        }
    }
}
