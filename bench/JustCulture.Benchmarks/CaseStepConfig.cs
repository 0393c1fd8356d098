using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace JustCulture.Benchmarks;

/// <summary>
/// One invocation per iteration (each invocation commits one step, and the iteration setup picks the task it
/// answers), enough iterations for a stable median, run in this process: the out-of-process toolchain would
/// build a second copy of the solution on a 2-core machine for no gain in a benchmark of database I/O.
/// </summary>
public sealed class CaseStepConfig : ManualConfig
{
    public const int WarmupCount = 3;
    public const int IterationCount = 100;

    public CaseStepConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(WarmupCount)
            .WithIterationCount(IterationCount)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max);
        // Read by bench/run's ratio table (until the shared RatioConfig replaces this config).
        AddExporter(JsonExporter.Full);
    }
}
