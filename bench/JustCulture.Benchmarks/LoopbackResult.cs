using System.Text.Json;

namespace JustCulture.Benchmarks;

/// <summary>One figure of a load-generator run, as the ratio table reads it (bench/README.md).</summary>
internal sealed record LoopbackRow(string Name, double Value, string Unit, string? Baseline, double? BaselineValue, string? Target, bool? Met);

/// <summary>Writes <c>BenchmarkDotNet.Artifacts/results/loopback-&lt;name&gt;.json</c>, next to BenchmarkDotNet's own reports.</summary>
internal static class LoopbackResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(string name, string suite, string title, IReadOnlyList<LoopbackRow> rows)
    {
        var folder = Directory.CreateDirectory(Path.Combine("BenchmarkDotNet.Artifacts", "results")).FullName;
        var path = Path.Combine(folder, $"loopback-{name}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { suite, title, rows }, Json));
        Console.Error.WriteLine($"wrote {path}");
    }
}
