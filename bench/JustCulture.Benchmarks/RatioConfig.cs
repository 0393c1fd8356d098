using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace JustCulture.Benchmarks;

/// <summary>
/// The shared configuration of the P1–P6 suites: each suite compares a measurement with a baseline measured in the
/// same run, and `bench/run` reads the full JSON report to print the ratio of the two medians (docs/performance.md).
/// Runs in this process for the same reason as <see cref="CaseStepConfig"/>. Quick by default (a short job, enough
/// to see the ratio); <c>JUSTCULTURE_BENCH_FULL=1</c> gives the recorded run with more iterations.
/// Suites whose one invocation has side effects (a committed step) add their own job on top of this config's columns
/// and exporter by deriving from it and calling <see cref="ManualConfig"/>'s AddJob instead.
/// </summary>
public class RatioConfig : ManualConfig
{
    public const string FullVariable = "JUSTCULTURE_BENCH_FULL";

    /// <summary>True when the recorded (full) sizes and iteration counts are asked for.</summary>
    public static bool Full => Environment.GetEnvironmentVariable(FullVariable) == "1";

    public RatioConfig()
        : this(addDefaultJob: true)
    {
    }

    protected RatioConfig(bool addDefaultJob)
    {
        if (addDefaultJob)
        {
            AddJob(DefaultJob());
        }

        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max);
        AddExporter(JsonExporter.Full);
    }

    /// <summary>The job for CPU-bound benchmarks (many invocations per iteration, chosen by BenchmarkDotNet).</summary>
    public static Job DefaultJob() =>
        (Full
            ? Job.Default.WithWarmupCount(5).WithIterationCount(30)
            : Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1))
        .WithToolchain(InProcessEmitToolchain.Instance);

    /// <summary>
    /// The job for benchmarks whose one invocation changes the database (one invocation per iteration, so the
    /// iteration setup can prepare it): <paramref name="quickIterations"/> or <paramref name="fullIterations"/>.
    /// </summary>
    public static Job SingleInvocationJob(int quickIterations = 15, int fullIterations = 100) =>
        Job.Default
            .WithWarmupCount(Full ? 3 : 1)
            .WithIterationCount(Full ? fullIterations : quickIterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance);
}

/// <summary>
/// <see cref="RatioConfig"/> with one invocation per iteration, for suites whose invocation commits something:
/// <c>[Config(typeof(RatioSingleInvocationConfig))]</c>.
/// </summary>
public sealed class RatioSingleInvocationConfig : RatioConfig
{
    public RatioSingleInvocationConfig()
        : base(addDefaultJob: false)
    {
        AddJob(SingleInvocationJob());
    }
}
