using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages;

public enum ErrorKind
{
    NotFound,
    AccessDenied,
    SignInNeeded,
    BadRequest,
    TooManyRequests,
    ServiceProblem,
}

/// <summary>
/// The browser's error page, reached by re-execution (an unhandled exception, or an empty error response such
/// as an unknown address) or directly. It answers with the status it describes and never shows the exception.
/// Any method reaches it, as the failed request may have been a form post: there is no handler and no
/// antiforgery check, and nothing is done but showing the page.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    public ErrorKind Kind { get; private set; }

    public string Title => Kind switch
    {
        ErrorKind.NotFound => "Page not found",
        ErrorKind.AccessDenied => "You do not have access",
        ErrorKind.SignInNeeded => "You need to sign in",
        ErrorKind.BadRequest => "There is a problem with your request",
        ErrorKind.TooManyRequests => "Too many attempts",
        _ => "There is a problem with the service",
    };

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Re-executed: the failed request's status stands. Asked for directly: the status named in the address.
        var status = Response.StatusCode >= 400 ? Response.StatusCode : CodeFromRoute();
        Response.StatusCode = status;
        Kind = status switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => ErrorKind.NotFound,
            StatusCodes.Status403Forbidden => ErrorKind.AccessDenied,
            StatusCodes.Status401Unauthorized => ErrorKind.SignInNeeded,
            StatusCodes.Status429TooManyRequests => ErrorKind.TooManyRequests,
            < 500 => ErrorKind.BadRequest,
            _ => ErrorKind.ServiceProblem,
        };
    }

    private int CodeFromRoute() =>
        RouteData.Values["code"] is string text && int.TryParse(text, out var code) && code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
}
