using BenchmarkDotNet.Running;

namespace JustCulture.Benchmarks;

public static class Program
{
    /// <summary>`dotnet run -c Release --project benchmarks/JustCulture.Benchmarks -- --filter '*CaseStep*'`</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
