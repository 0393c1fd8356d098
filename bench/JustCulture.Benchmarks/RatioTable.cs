using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace JustCulture.Benchmarks;

/// <summary>
/// `summarize &lt;results dir&gt;`: one markdown table of every suite's figures from BenchmarkDotNet's
/// *-report-full.json files and the load generator's loopback-*.json files (format in docs/performance.md).
/// Every ratio is of medians (BenchmarkDotNet's own Ratio column is the mean of per-iteration ratios).
/// </summary>
public static class RatioTable
{
    /// <summary>
    /// The issue's targets on (measurement median ÷ baseline median) per suite, for benchmarks without their own
    /// <see cref="RatioTargetAttribute"/>. "≥ 0.3× raw insert + commit" is a speed: as a time ratio it is ≤ 1/0.3.
    /// </summary>
    private static readonly Dictionary<string, (double MaxRatio, string Text)> SuiteTargets = new(StringComparer.Ordinal)
    {
        ["P2"] = (1 / 0.3, "≥ 0.3× raw commit (time ratio ≤ 3.33)"),
        ["P4"] = (1.5, "≤ 1.5× hand SQL"),
        ["P5"] = (1 / 0.5, "≥ 0.5× raw SHA-256 (time ratio ≤ 2)"),
    };

    public static int Run(string[] args)
    {
        if (args.Length != 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: summarize <results folder> (BenchmarkDotNet.Artifacts/results)");
            return 2;
        }

        var rows = new List<Row>();
        foreach (var file in Directory.GetFiles(args[0], "*-report-full.json").Order(StringComparer.Ordinal))
        {
            rows.AddRange(ReadBenchmarkDotNet(file));
        }

        foreach (var file in Directory.GetFiles(args[0], "loopback-*.json").Order(StringComparer.Ordinal))
        {
            rows.AddRange(ReadLoopback(file));
        }

        Console.Write(Format(rows.OrderBy(r => r.Suite, StringComparer.Ordinal).ToList()));
        return 0;
    }

    public sealed record Row(string Suite, string Measurement, string Parameters, string Baseline, string Median,
        string BaselineMedian, double? Ratio, string Target, bool? Met);

    public static string Format(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| suite | measurement | parameters | baseline | median | baseline median | ratio (of medians) | target | met |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var ratio = r.Ratio is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "–";
            var met = r.Met switch { true => "yes", false => "**no**", null => "–" };
            text.AppendLine($"| {r.Suite} | {Cell(r.Measurement)} | {Cell(r.Parameters)} | {Cell(r.Baseline)} | {r.Median} | {r.BaselineMedian} | {ratio} | {Cell(r.Target)} | {met} |");
        }

        if (rows.Count == 0)
        {
            text.AppendLine("| – | no results found | | | | | | | |");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static IEnumerable<Row> ReadBenchmarkDotNet(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        var benchmarks = json.RootElement.GetProperty("Benchmarks").EnumerateArray()
            .Select(b => new Measured(
                b.GetProperty("Type").GetString()!,
                b.GetProperty("Method").GetString()!,
                Title(b),
                b.GetProperty("Parameters").GetString() ?? string.Empty,
                b.TryGetProperty("Statistics", out var s) && s.ValueKind == JsonValueKind.Object ? s.GetProperty("Median").GetDouble() : null))
            .ToList();
        foreach (var b in benchmarks)
        {
            var method = FindMethod(b.Type, b.Method);
            if (method?.GetCustomAttribute<BenchmarkAttribute>()?.Baseline == true)
            {
                continue;
            }

            // BenchmarkDotNet compares each case with the baseline of the same parameters.
            var baseline = benchmarks.FirstOrDefault(o => o.Type == b.Type && o.Parameters == b.Parameters && IsBaseline(o))
                ?? benchmarks.Where(o => o.Type == b.Type && IsBaseline(o)).SingleOrDefaultIfMany();
            var suite = SuiteOf(b.Type);
            double? ratio = b.MedianNs is { } m && baseline?.MedianNs is { } bm && bm > 0 ? m / bm : null;
            var (target, max) = TargetOf(suite, method);
            yield return new Row(suite, b.Title, b.Parameters, baseline?.Title ?? "(none in the class)",
                Nanoseconds(b.MedianNs), Nanoseconds(baseline?.MedianNs), ratio, target,
                max is { } limit && ratio is { } r ? r <= limit : null);
        }
    }

    private sealed record Measured(string Type, string Method, string Title, string Parameters, double? MedianNs);

    private static bool IsBaseline(Measured m) => FindMethod(m.Type, m.Method)?.GetCustomAttribute<BenchmarkAttribute>()?.Baseline == true;

    private static Measured? SingleOrDefaultIfMany(this IEnumerable<Measured> candidates)
    {
        var list = candidates.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }

    private static string Title(JsonElement benchmark)
    {
        var title = benchmark.TryGetProperty("MethodTitle", out var t) ? t.GetString() : null;
        return (title ?? benchmark.GetProperty("Method").GetString()!).Trim('\'');
    }

    private static MethodInfo? FindMethod(string type, string method) =>
        typeof(RatioTable).Assembly.GetTypes().FirstOrDefault(t => t.Name == type)?.GetMethod(method);

    private static string SuiteOf(string typeName) =>
        typeName.Length >= 2 && typeName[0] == 'P' && char.IsDigit(typeName[1]) ? typeName[..2] : typeName;

    private static (string Text, double? MaxRatio) TargetOf(string suite, MethodInfo? method)
    {
        if (method?.GetCustomAttribute<RatioTargetAttribute>() is { } own)
        {
            return (own.Text, own.MaxRatio);
        }

        return SuiteTargets.TryGetValue(suite, out var target) ? (target.Text, target.MaxRatio) : ("– (reported)", null);
    }

    private static string Nanoseconds(double? ns) => ns switch
    {
        null => "–",
        >= 1e9 => (ns.Value / 1e9).ToString("0.00 s", CultureInfo.InvariantCulture),
        >= 1e6 => (ns.Value / 1e6).ToString("0.00 ms", CultureInfo.InvariantCulture),
        >= 1e3 => (ns.Value / 1e3).ToString("0.00 µs", CultureInfo.InvariantCulture),
        _ => ns.Value.ToString("0.0 ns", CultureInfo.InvariantCulture),
    };

    private static IEnumerable<Row> ReadLoopback(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = json.RootElement;
        var suite = root.TryGetProperty("suite", out var s) ? s.GetString() ?? "?" : "?";
        var title = root.TryGetProperty("title", out var t) ? t.GetString() ?? string.Empty : string.Empty;
        foreach (var row in root.GetProperty("rows").EnumerateArray())
        {
            var unit = Text(row, "unit");
            var value = Number(row, "value");
            var baselineValue = Number(row, "baselineValue");
            double? ratio = value is { } v && baselineValue is { } b && b != 0 ? v / b : null;
            bool? met = row.TryGetProperty("met", out var m) && m.ValueKind is JsonValueKind.True or JsonValueKind.False ? m.GetBoolean() : null;
            yield return new Row(suite, Text(row, "name"), title, Text(row, "baseline") is { Length: > 0 } bn ? bn : "– (absolute)",
                WithUnit(value, unit), WithUnit(baselineValue, unit), ratio, Text(row, "target"), met);
        }
    }

    private static string Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : string.Empty;

    private static double? Number(JsonElement row, string name) =>
        row.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDouble() : null;

    private static string WithUnit(double? value, string unit) =>
        value is { } v ? $"{v.ToString("0.##", CultureInfo.InvariantCulture)} {unit}".Trim() : "–";
}

/// <summary>
/// The issue's target for this benchmark, as the largest allowed (median ÷ baseline median), for the ratio table.
/// A suite's benchmarks without it use the suite's target in <see cref="RatioTable"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RatioTargetAttribute(double maxRatio, string text) : Attribute
{
    public double MaxRatio { get; } = maxRatio;

    public string Text { get; } = text;
}
