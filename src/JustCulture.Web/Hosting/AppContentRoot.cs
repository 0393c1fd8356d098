namespace JustCulture.Web.Hosting;

/// <summary>
/// The content root (where wwwroot and appsettings.json are found) defaults to the current directory, so a published
/// app started from anywhere else (a service manager starts it in /) would serve no styles or scripts. When no
/// content root is given and the app's own folder has its wwwroot (a published app), that folder is used.
/// </summary>
public static class AppContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var given = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        var own = AppContext.BaseDirectory;
        var useOwn = !given && Directory.Exists(Path.Combine(own, "wwwroot"));
        return new WebApplicationOptions { Args = args, ContentRootPath = useOwn ? own : null };
    }
}
