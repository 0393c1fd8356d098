using JustCulture.Application.Common;

namespace JustCulture.Cli.Commands;

internal static class CliActor
{
    /// <summary>Administrative verbs are run by an operator at the server, not a signed-in user; the log
    /// records them as the operating-system account that ran the command.</summary>
    public static Actor Operator => new($"cli:{Environment.UserName}", "Operator");
}
