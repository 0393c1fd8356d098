namespace JustCulture.Web.Hosting;

/// <summary>
/// Errors answered the way the caller reads them: the API (everything under /api) with RFC 9457 problem details,
/// browsers with the NHS.UK error pages in the site layout (page not found, access denied, a problem with the
/// service). An exception's message never reaches either: the handler answers with the status only.
/// </summary>
public static class ErrorPages
{
    public const string PagePath = "/Error";

    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api");
    }

    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = PagePath, StatusCodeSelector = StatusOf });
            pages.UseStatusCodePagesWithReExecute(PagePath + "/{0}");
        });
        return app;
    }

    /// <summary>A request the server refused while it was read (e.g. a body over the size limit, 413) keeps its status.</summary>
    private static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
}
