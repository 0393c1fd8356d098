using System.Security.Claims;
using JustCulture.Application.Common;
using JustCulture.Application.Users;
using JustCulture.Web.Hosting;
using JustCulture.Web.Identity;

namespace JustCulture.Web.Api;

public sealed record ChangeRoleRequest(string? Role);

/// <param name="Password">A temporary password; leave it out to have one generated (answered once, in the response).</param>
public sealed record ResetPasswordRequest(string? Password);

public sealed record ChangeOwnPasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>User administration (administrators only) and every signed-in user's own password.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var users = api.MapGroup("/users").RequireAuthorization(Policies.Administrator);

        // On the parent group: a group's own root would be "/api/users/", with a trailing slash.
        api.MapGet("/users", async (string? search, int? page, int? pageSize, ListUsersHandler list, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(new ListUsersQuery(search, page ?? 1, pageSize ?? ListUsersHandler.DefaultPageSize), ct)))
            .RequireAuthorization(Policies.Administrator).WithSummary("Users, searched by user ID, name or role, a page at a time");

        users.MapPut("/{userId}/role", async (string userId, ChangeRoleRequest request, ClaimsPrincipal caller, ChangeUserRoleHandler handler, CancellationToken ct) =>
            TypedResults.Ok(UserView.Of(await handler.HandleAsync(new ChangeUserRoleCommand(userId, request.Role ?? string.Empty, Admin(caller)), ct))))
            .WithSummary("Change a user's role (logged); never the last active administrator's");

        users.MapPost("/{userId}/deactivate", async (string userId, ClaimsPrincipal caller, SetUserActiveHandler handler, CancellationToken ct) =>
            TypedResults.Ok(UserView.Of(await handler.HandleAsync(new SetUserActiveCommand(userId, Active: false, Admin(caller)), ct))))
            .WithSummary("Deactivate a user: they can no longer sign in and their sessions end (logged; never yourself or the last active administrator)");

        users.MapPost("/{userId}/reactivate", async (string userId, ClaimsPrincipal caller, SetUserActiveHandler handler, CancellationToken ct) =>
            TypedResults.Ok(UserView.Of(await handler.HandleAsync(new SetUserActiveCommand(userId, Active: true, Admin(caller)), ct))))
            .WithSummary("Reactivate a deactivated user (logged)");

        users.MapPost("/{userId}/password", async (string userId, ResetPasswordRequest request, ClaimsPrincipal caller, ResetUserPasswordHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new ResetUserPasswordCommand(userId, request.Password, Admin(caller)), ct)))
            .WithSummary("Give a user a temporary password (or generate one, answered once); they must change it at next sign-in");

        api.MapPost("/account/password", async (ChangeOwnPasswordRequest request, ClaimsPrincipal caller, PasswordChange change) =>
        {
            await change.ChangeAsync(caller, request.CurrentPassword, request.NewPassword, refreshCookie: false);
            return TypedResults.NoContent();
        }).RequireAuthorization().WithTags("Account").WithSummary("Change your own password (anyone signed in)");

        return api;
    }

    private static Actor Admin(ClaimsPrincipal caller) => new(caller.UserId(), Policies.Administrator);
}
