using BenchmarkDotNet.Running;

namespace JustCulture.Benchmarks;

public static class Program
{
    /// <summary>
    /// `dotnet run -c Release --project bench/JustCulture.Benchmarks -- --filter '*P2*'`, or
    /// `… -- loopback --nodes http://127.0.0.1:5091,… --database postgres:…` for the load generator (two-nodes.sh),
    /// `… -- summarize BenchmarkDotNet.Artifacts/results` for the ratio table, `… -- startup …` for the start-up
    /// times (bench/run runs all of these).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "loopback")
        {
            return LoopbackLoad.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "summarize")
        {
            return RatioTable.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "startup")
        {
            return StartupTimes.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "bare-web")
        {
            BareWeb.Run(args[1..]);
            return 0;
        }

        if (args.Length == 3 && args[0] == "p5-build-log")
        {
            // The log `justculture log verify` is measured on: p5-build-log <database file> <entries>.
            P5LogVolume.BuildAsync(Path.GetFullPath(args[1]), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), Console.Out)
                .GetAwaiter().GetResult();
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
