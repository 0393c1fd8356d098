using System.Data.Common;
using System.Net.Sockets;

namespace JustCulture.Web.Hosting;

/// <summary>
/// A setting that is wrong (a malformed connection string, a database that cannot be reached, a missing key) stops
/// the app at start-up with one line saying what is wrong and which setting to fix — not a stack trace. Only while
/// starting: once the app is up, failures go to the log and the error pages as usual.
/// </summary>
public static class StartupProblems
{
    private static int _starting;

    /// <summary>From now until <see cref="Started"/>, an exception that ends the process is reported as one line.</summary>
    public static void ReportClearly()
    {
        if (Interlocked.Exchange(ref _starting, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += OnUnhandled;
        }
    }

    public static void Started() => Interlocked.Exchange(ref _starting, 2);

    private static void OnUnhandled(object sender, UnhandledExceptionEventArgs e)
    {
        if (Volatile.Read(ref _starting) != 1 || e.ExceptionObject is not Exception exception)
        {
            return;
        }

        Console.Error.WriteLine(Describe(exception));
        Console.Error.Flush();
        // Exit here, before the runtime prints the exception with its stack.
        Environment.Exit(1);
    }

    /// <summary>One line: what went wrong and, where it is a database problem, which setting points at it.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var chain = Chain(exception).ToList();
        if (chain.FirstOrDefault(e => e is DbException or SocketException or TimeoutException) is { } unreachable)
        {
            return $"JustCulture could not start: the database in {JustCultureWebOptions.Section}:Database could not be reached or opened: {OneLine(unreachable.Message)}";
        }

        // Every provider's connection string builder refuses an unknown or malformed part with an ArgumentException.
        if (chain.FirstOrDefault(e => e is ArgumentException && (e.StackTrace ?? string.Empty).Contains("ConnectionStringBuilder", StringComparison.Ordinal)) is { } malformed)
        {
            return $"JustCulture could not start: {JustCultureWebOptions.Section}:Database has a malformed connection string: {OneLine(malformed.Message)}";
        }

        return $"JustCulture could not start: {OneLine(chain.First(e => e is not (AggregateException or System.Reflection.TargetInvocationException)).Message)}";
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : e.InnerException)
        {
            yield return e;
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
