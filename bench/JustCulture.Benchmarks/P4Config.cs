using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace JustCulture.Benchmarks;

/// <summary>
/// P4's run: in this process (the seeded database lives in it), one report pair per invocation, a ratio to the
/// baseline in the same run, allocated memory per call, and the results as JSON for the ratio table.
/// <c>JUSTCULTURE_BENCH_ITERATIONS</c> lowers the iteration count for a smoke run.
/// </summary>
public sealed class P4Config : ManualConfig
{
    public P4Config()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("JUSTCULTURE_BENCH_ITERATIONS"), out var n) && n > 0 ? n : 30;
        AddJob(Job.Default
            .WithWarmupCount(Math.Min(3, iterations))
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, BaselineRatioColumn.RatioMean);
        AddExporter(JsonExporter.Full);
    }
}
