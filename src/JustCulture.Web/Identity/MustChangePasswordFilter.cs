using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace JustCulture.Web.Identity;

/// <summary>After an administrator's reset, every page but the account pages sends the user to choose their own password.</summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.HasClaim(c => c.Type == PasswordChange.MustChangeClaim)
            && !page.StartsWith("/Account/", StringComparison.Ordinal) && page != "/Error")
        {
            context.Result = new RedirectResult("/Account/Password");
            return;
        }

        await next();
    }
}
