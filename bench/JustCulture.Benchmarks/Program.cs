using BenchmarkDotNet.Running;

namespace JustCulture.Benchmarks;

public static class Program
{
    /// <summary>
    /// `dotnet run -c Release --project bench/JustCulture.Benchmarks -- --filter '*P2*'`, or
    /// `… -- loopback --nodes http://127.0.0.1:5091,… --database postgres:…` for the load generator (two-nodes.sh).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "loopback")
        {
            return LoopbackLoad.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
