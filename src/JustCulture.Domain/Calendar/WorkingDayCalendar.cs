using System.Globalization;
using System.Text.Json;

namespace JustCulture.Domain.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday, except bank holidays (docs/domain/case-clocks.md).
/// Every date here is a UK calendar date (<see cref="UkDates.UkDateOf"/>): a clock is counted in UK days, so the
/// change between GMT and BST never moves a due date.
/// </summary>
public sealed class WorkingDayCalendar
{
    private const string ResourceName = "JustCulture.Domain.Calendar.england-and-wales-bank-holidays.json";

    private static readonly Lazy<IReadOnlyList<DateOnly>> Shipped = new(() =>
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The bank holiday list {ResourceName} is not in the build.");
        return ReadGovUkJson(stream);
    });

    private readonly HashSet<DateOnly> _holidays;

    public WorkingDayCalendar(IEnumerable<DateOnly> bankHolidays)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        _holidays = [.. bankHolidays];
        LastYearKnown = _holidays.Count == 0 ? null : _holidays.Max().Year;
    }

    /// <summary>The England and Wales bank holidays 2025–2028 as published on gov.uk, shipped with the product.</summary>
    public static IReadOnlyList<DateOnly> EnglandAndWales2025To2028 => Shipped.Value;

    /// <summary>The shipped list, with <paramref name="extra"/> dates added (one-off holidays, or later years).</summary>
    public static WorkingDayCalendar EnglandAndWales(IEnumerable<DateOnly>? extra = null) =>
        new(EnglandAndWales2025To2028.Concat(extra ?? []));

    /// <summary>The last year the calendar holds any bank holiday for: later years count only weekends.</summary>
    public int? LastYearKnown { get; }

    public IReadOnlyCollection<DateOnly> BankHolidays => _holidays;

    public bool IsBankHoliday(DateOnly date) => _holidays.Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The <paramref name="workingDays"/>th working day after <paramref name="start"/> (the start day itself
    /// never counts, whatever it is): the due date of a clock started on <paramref name="start"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>The working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative when <paramref name="to"/> is earlier (the working days from <paramref name="to"/>, exclusive, to <paramref name="from"/>).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The dates of a file in the gov.uk bank-holidays shape: either one division
    /// (<c>{"division": …, "events": [{"date": "2025-01-01", …}]}</c>) or the whole file, of which the
    /// england-and-wales division is read.</summary>
    public static IReadOnlyList<DateOnly> ReadGovUkJson(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("england-and-wales", out var division))
        {
            root = division;
        }

        if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("A bank holiday file must have an \"events\" list (the gov.uk bank-holidays.json shape).");
        }

        var dates = new List<DateOnly>();
        foreach (var item in events.EnumerateArray())
        {
            var text = item.TryGetProperty("date", out var date) ? date.GetString() : null;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                throw new FormatException($"A bank holiday date must be YYYY-MM-DD; it is '{text}'.");
            }

            dates.Add(parsed);
        }

        return dates;
    }
}
