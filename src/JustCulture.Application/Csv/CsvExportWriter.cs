using CsvHelper;

namespace JustCulture.Application.Csv;

/// <summary>
/// The one writer of the CSV the product hands out (the WRES indicator-3 return, the funnel), on CsvHelper:
/// RFC 4180 — comma separated, CRLF line endings, a value quoted when it holds a comma, quote or line break, a
/// quote inside doubled — and formula-safe. A value that starts with =, +, -, @, a tab or a carriage return would
/// be run as a formula by a spreadsheet opening the file (CSV injection), and directorate and band names come
/// from an uploaded file: such a value is written with a single quote in front, quoted, as OWASP advises
/// ("=1+1" becomes "'=1+1"). Every value is written as text, so a negative number would be prefixed too; the
/// figures the product writes (counts, rates, ratios, intervals) are never negative.
/// </summary>
public static class CsvExportWriter
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Separator = ',',
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
        NewLine = "\r\n",
    };

    /// <summary>The header and then every row, each with one value per column.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row]);
            }
        }

        return text.ToString();
    }
}
