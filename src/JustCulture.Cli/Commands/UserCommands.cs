using System.CommandLine;
using JustCulture.Application.Users;

namespace JustCulture.Cli.Commands;

internal static class UserCommands
{
    public static Command Build()
    {
        var userId = new Argument<string>("userId") { Description = "Sign-in id of the user" };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var role = new Option<string>("--role") { Description = "LineManager, CommissioningManager, Auditor or Administrator", Required = true };
        var staffRef = new Option<string?>("--staff-ref") { Description = "The user's own staff record (how line management and reviewer independence are known)" };
        var add = new Command("add", "Add a user with a role") { userId, name, role, staffRef };
        add.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var user = await cli.Get<AddUserHandler>().HandleAsync(
                new AddUserCommand(cli.Value(userId), cli.Value(name), cli.Value(role), cli.Value(staffRef), CliActor.Operator), ct);
            await cli.Out.WriteLineAsync($"Added {user.UserId} as {user.Role}{(user.StaffRef is null ? string.Empty : $" (staff {user.StaffRef})")}.");
            return ExitCodes.Ok;
        }));
        return new Command("user", "Users and roles") { add };
    }
}
