using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JustCulture.TestSupport;

/// <summary>
/// Running PostgreSQL's own programs (initdb, pg_ctl, pg_basebackup…) for the throwaway test servers: as the
/// <c>postgres</c> OS user when the tests run as root (initdb and the server refuse root), with output captured
/// for the failure message.
/// </summary>
internal static class PostgresProcesses
{
    public const string OsUser = "postgres";

    public static bool IsRoot => OperatingSystem.IsLinux() && string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <param name="serverLog">A server log to append to the failure message, if it exists.</param>
    public static void Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout, string workingDirectory, string? serverLog = null, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (IsRoot && program is not ("chown" or "kill"))
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", OsUser, "--", program, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        // Messages must be readable in test output whatever the host's locale.
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => AppendLine(output, e.Data);
        process.ErrorDataReceived += (_, e) => AppendLine(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0}s:\n{output}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0 && throwOnFailure)
        {
            var log = serverLog is not null && File.Exists(serverLog) ? "\nserver log:\n" + File.ReadAllText(serverLog) : string.Empty;
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}{log}");
        }
    }

    /// <summary>Unix socket paths are limited to ~107 bytes, so keep the directory short.</summary>
    public static string ShortTempRoot()
    {
        var temp = Path.GetTempPath();
        return temp.Length <= 40 ? temp : "/tmp";
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void AppendLine(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
