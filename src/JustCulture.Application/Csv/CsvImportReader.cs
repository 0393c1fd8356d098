using System.Globalization;
using CsvHelper;

namespace JustCulture.Application.Csv;

/// <summary>One problem in an imported CSV file, located by source, physical line and column.</summary>
public sealed record CsvError(string SourceName, int Line, string Field, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Field)
        ? string.Create(CultureInfo.InvariantCulture, $"{SourceName} line {Line}: {Message}")
        : string.Create(CultureInfo.InvariantCulture, $"{SourceName} line {Line}, field {Field}: {Message}");
}

/// <summary>A data row with exactly one value per column, each trimmed, and the physical line it starts on.</summary>
public sealed record CsvImportRow(int Line, IReadOnlyList<string> Fields);

/// <summary>The well-shaped data rows of a file and every problem found in its shape.</summary>
public sealed record CsvImportFile(IReadOnlyList<CsvImportRow> Rows, IReadOnlyList<CsvError> Errors);

/// <summary>A file's header as written, its well-shaped data rows and every problem found in its shape.</summary>
public sealed record CsvImportTable(IReadOnlyList<string> Header, int HeaderLine, IReadOnlyList<CsvImportRow> Rows, IReadOnlyList<CsvError> Errors);

/// <summary>
/// The one reader of the files the product imports (staff, history), on CsvHelper: RFC 4180, comma separated,
/// fields optionally in double quotes (a doubled quote inside is a quote; commas and line breaks inside are
/// text), records ending with CRLF, LF or CR, a UTF-8 byte order mark ignored. It checks what every import needs
/// and reports every problem with its line, because imports are all or nothing and a person fixing a file wants
/// the whole list at once:
/// <list type="bullet">
/// <item>the header must be exactly the expected columns, in order: a missing, unexpected (extra) or repeated
/// column refuses the whole file, since values read under the wrong heading would be imported as the wrong thing;</item>
/// <item>every row must have one value per column: a row with more or fewer (usually an unquoted comma) is refused;</item>
/// <item>blank lines at the end are ignored (editors and exports add them), anywhere else they are refused;</item>
/// <item>text after a closing quote and a quote never closed are refused; a quote inside an unquoted value is text.</item>
/// </list>
/// Every value is trimmed of surrounding whitespace, inside quotes or not. What each value must be is the
/// importer's business.
/// </summary>
public static class CsvImportReader
{
    /// <param name="headerComparer">How header names are matched (the history file accepts any case).</param>
    public static CsvImportFile Read(TextReader reader, string sourceName, IReadOnlyList<string> columns, StringComparer headerComparer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(headerComparer);
        var errors = new List<CsvError>();
        var records = ReadRecords(reader, sourceName, errors);
        var header = string.Join(',', columns);

        var last = records.Count - 1;
        while (last >= 0 && IsBlank(records[last]))
        {
            last--;
        }

        if (last < 0)
        {
            errors.Add(new CsvError(sourceName, 1, string.Empty, $"the file is empty; expected the header {header}"));
            return new CsvImportFile([], errors);
        }

        if (HeaderProblem(records[0].Fields, columns, headerComparer) is { } problem)
        {
            errors.Add(new CsvError(sourceName, records[0].Line, "(header)", $"the header must be exactly {header} ({problem})"));
            return new CsvImportFile([], Ordered(errors));
        }

        return new CsvImportFile(DataRows(records, last, header, columns.Count, sourceName, errors), Ordered(errors));
    }

    /// <summary>
    /// Reads a file whose columns are found by name rather than position (the staff file, which also accepts ESR's
    /// headings, in any order, among other columns): the header is returned as written for the caller to resolve,
    /// and every data row is checked to have one value per header column. Blank lines and quoting are checked as
    /// in <see cref="Read"/>.
    /// </summary>
    public static CsvImportTable ReadTable(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var errors = new List<CsvError>();
        var records = ReadRecords(reader, sourceName, errors);
        var last = records.Count - 1;
        while (last >= 0 && IsBlank(records[last]))
        {
            last--;
        }

        if (last < 0)
        {
            errors.Add(new CsvError(sourceName, 1, string.Empty, "the file is empty; expected a header line naming the columns"));
            return new CsvImportTable([], 1, [], errors);
        }

        var header = records[0];
        var rows = DataRows(records, last, string.Join(',', header.Fields), header.Fields.Count, sourceName, errors);
        return new CsvImportTable(header.Fields, header.Line, rows, Ordered(errors));
    }

    private static List<CsvImportRow> DataRows(List<CsvImportRow> records, int last, string header, int columnCount, string sourceName, List<CsvError> errors)
    {
        var rows = new List<CsvImportRow>();
        for (var i = 1; i <= last; i++)
        {
            var record = records[i];
            if (IsBlank(record))
            {
                errors.Add(new CsvError(sourceName, record.Line, string.Empty, "the line is blank; remove it or fill in the row"));
            }
            else if (record.Fields.Count != columnCount)
            {
                errors.Add(new CsvError(sourceName, record.Line, string.Empty, string.Create(CultureInfo.InvariantCulture,
                    $"has {record.Fields.Count} fields but the header has {columnCount} ({header}); check for an unquoted comma")));
            }
            else
            {
                rows.Add(record);
            }
        }

        return rows;
    }

    private static bool IsBlank(CsvImportRow record) => record.Fields.Count == 1 && record.Fields[0].Length == 0;

    /// <summary>Quoting problems are reported as they are met, before the record itself: put every error in line order.</summary>
    private static List<CsvError> Ordered(List<CsvError> errors) => [.. errors.OrderBy(e => e.Line)];

    private static List<CsvImportRow> ReadRecords(TextReader text, string sourceName, List<CsvError> errors)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            SkipEmptyLines = false,
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            OnMalformedRecord = malformed =>
            {
                var message = malformed.Reason switch
                {
                    CsvMalformedReason.TextAfterClosingQuote =>
                        "text follows the closing quote of a quoted field; a quote inside a quoted value is written twice (\"\")",
                    CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed; the file ends inside quotes",
                    // A quote inside an unquoted value is an ordinary character (RFC 4180 as CsvHelper reads it).
                    _ => null,
                };
                if (message is not null)
                {
                    errors.Add(new CsvError(sourceName, (int)malformed.LineNumber, string.Empty, message));
                }
            },
        };
        var records = new List<CsvImportRow>();
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i).Trim();
            }

            records.Add(new CsvImportRow((int)csv.LineNumber, fields));
        }

        return records;
    }

    /// <summary>Null when the header is right; otherwise what is wrong with it.</summary>
    private static string? HeaderProblem(IReadOnlyList<string> actual, IReadOnlyList<string> columns, StringComparer comparer)
    {
        if (actual.SequenceEqual(columns, comparer))
        {
            return null;
        }

        var problems = new List<string>();
        var missing = columns.Where(c => !actual.Contains(c, comparer)).ToList();
        var unexpected = actual.Where(c => !columns.Contains(c, comparer)).ToList();
        var repeated = actual.GroupBy(c => c, comparer).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count > 0)
        {
            problems.Add("missing column(s) " + string.Join(", ", missing));
        }

        if (unexpected.Count > 0)
        {
            problems.Add("unexpected column(s) " + string.Join(", ", unexpected.Select(c => c.Length == 0 ? "(blank)" : c)));
        }

        if (repeated.Count > 0)
        {
            problems.Add("repeated column(s) " + string.Join(", ", repeated));
        }

        if (problems.Count == 0)
        {
            problems.Add("the columns are in the wrong order");
        }

        return string.Join("; ", problems);
    }
}
