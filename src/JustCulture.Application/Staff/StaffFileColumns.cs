using JustCulture.Application.Csv;

namespace JustCulture.Application.Staff;

/// <summary>One of our columns and the other headings that mean it (ESR's own export headings first).</summary>
public sealed record StaffFileColumn(string Name, IReadOnlyList<string> Aliases, string Meaning);

/// <summary>Which heading of a file was read as one of our columns.</summary>
public sealed record StaffColumnReading(string Column, string Heading);

/// <summary>
/// The staff file's columns, found by heading rather than position, so a trust can upload ESR's own export
/// unchanged: our names and ESR's are compared ignoring case, spaces and punctuation ("Employee Number",
/// "employee_number", "EMPLOYEE NO." …). Where a file has several headings for one column (ESR exports carry both
/// "Employee Number" and "Assignment Number"), the first in <see cref="StaffFileColumn.Aliases"/> order is read and
/// the rest are ignored like any other extra column. docs/staff-file.md lists the same table for people.
/// </summary>
public static class StaffFileColumns
{
    public static StaffFileColumn StaffRef { get; } = new("StaffRef",
        ["Employee Number", "Employee No", "Staff Number", "Assignment Number"], "the person's identifier in the workforce system");

    public static StaffFileColumn Name { get; } = new("Name",
        ["Full Name", "Employee Name", "Employee Full Name", "Person Name"], "the person's name");

    public static StaffFileColumn EthnicCode { get; } = new("EthnicCode",
        ["Ethnic Origin", "Ethnic Group", "Ethnic Category", "Ethnicity", "Ethnic Origin Code"], "the recorded NHS ethnic category");

    public static StaffFileColumn Band { get; } = new("Band",
        ["Pay Band", "AfC Band", "Agenda for Change Band", "Grade", "Pay Grade", "Grade Code"], "pay band or grade");

    public static StaffFileColumn StaffGroup { get; } = new("StaffGroup",
        ["Staff Group", "Staff Group Name"], "the NHS staff group");

    public static StaffFileColumn Directorate { get; } = new("Directorate",
        ["Directorate Name", "Division", "Organisation", "Organisation Name"], "directorate or service");

    public static StaffFileColumn StartDate { get; } = new("StartDate",
        ["Latest Start Date", "Start Date", "Assignment Start Date"], "start date in this trust");

    public static StaffFileColumn LineManagerRef { get; } = new("LineManagerRef",
        ["Line Manager Ref", "Supervisor Employee Number", "Line Manager Employee Number", "Manager Employee Number", "Supervisor Assignment Number"],
        "the line manager's StaffRef");

    /// <summary>Every column, in our file's order. Each is required in the header (a file without line managers would
    /// silently wipe every line-management chain, which reviewer independence rests on).</summary>
    public static IReadOnlyList<StaffFileColumn> All { get; } = [StaffRef, Name, EthnicCode, Band, StaffGroup, Directorate, StartDate, LineManagerRef];

    /// <summary>When a file has no single name column, ESR's separate name columns are joined, forename first.</summary>
    public static IReadOnlyList<string> ForenameHeadings { get; } = ["First Name", "Forename", "Forenames", "Given Name"];

    public static IReadOnlyList<string> SurnameHeadings { get; } = ["Last Name", "Surname", "Family Name"];

    /// <summary>"Employee No." and "employee_no" are the same heading.</summary>
    public static string Normalise(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        return new string(heading.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
    }

    /// <summary>Finds each column in a file's header; null with errors when a column is missing or its heading repeated.</summary>
    public static StaffFileHeader? Resolve(IReadOnlyList<string> header, int line, string sourceName, List<CsvError> errors)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(errors);
        var positions = header.Select((heading, index) => (key: Normalise(heading), index)).Where(h => h.key.Length > 0)
            .GroupBy(h => h.key).ToDictionary(g => g.Key, g => g.Select(h => h.index).ToList());
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        (int Forename, int Surname)? nameParts = null;

        int? Find(IEnumerable<string> headings)
        {
            foreach (var heading in headings)
            {
                if (positions.TryGetValue(Normalise(heading), out var at))
                {
                    if (at.Count > 1)
                    {
                        problems.Add($"the column {header[at[0]]} appears {at.Count} times; keep one");
                    }

                    return at[0];
                }
            }

            return null;
        }

        foreach (var column in All)
        {
            if (Find([column.Name, .. column.Aliases]) is { } index)
            {
                found[column.Name] = index;
            }
            else if (column == Name && Find(ForenameHeadings) is { } forename && Find(SurnameHeadings) is { } surname)
            {
                nameParts = (forename, surname);
            }
            else
            {
                problems.Add($"no {column.Name} column ({column.Meaning}; also read from {string.Join(", ", column.Aliases.Select(a => $"\"{a}\""))})");
            }
        }

        if (problems.Count > 0)
        {
            errors.Add(new CsvError(sourceName, line, "(header)", string.Join("; ", problems.Distinct())));
            return null;
        }

        return new StaffFileHeader(header, found, nameParts);
    }
}

/// <summary>Where each of our columns is in one file, and which of its columns are not read.</summary>
public sealed class StaffFileHeader
{
    private readonly IReadOnlyList<string> _header;
    private readonly Dictionary<string, int> _found;
    private readonly (int Forename, int Surname)? _nameParts;

    internal StaffFileHeader(IReadOnlyList<string> header, Dictionary<string, int> found, (int Forename, int Surname)? nameParts)
    {
        _header = header;
        _found = found;
        _nameParts = nameParts;
        var used = found.Values.Concat(nameParts is { } p ? [p.Forename, p.Surname] : []).ToHashSet();
        Ignored = [.. header.Where((heading, index) => !used.Contains(index) && heading.Trim().Length > 0)];
        Readings = [.. StaffFileColumns.All.Select(c => new StaffColumnReading(c.Name, HeadingOf(c)))];
    }

    /// <summary>Columns of the file that are not read (an ESR export has many more than we need).</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>For each of our columns, the heading of the file it is read from.</summary>
    public IReadOnlyList<StaffColumnReading> Readings { get; }

    /// <summary>Whether every column is read under our own name (our template rather than another system's export).</summary>
    public bool IsOurTemplate => Readings.All(r => string.Equals(r.Column, r.Heading, StringComparison.Ordinal));

    /// <summary>The heading as written in the file, for errors a person can find in it.</summary>
    public string HeadingOf(StaffFileColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (_found.TryGetValue(column.Name, out var index))
        {
            return _header[index].Trim();
        }

        return _nameParts is { } p ? $"{_header[p.Forename].Trim()} and {_header[p.Surname].Trim()}" : column.Name;
    }

    /// <summary>The raw value of a column in a row (the two name parts joined when the name is split).</summary>
    public string ValueOf(StaffFileColumn column, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(fields);
        if (_found.TryGetValue(column.Name, out var index))
        {
            return fields[index];
        }

        return _nameParts is { } p ? $"{fields[p.Forename].Trim()} {fields[p.Surname].Trim()}".Trim() : string.Empty;
    }
}
