using System.Text.RegularExpressions;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// Which pages the accessibility checks visit for each caller: the start pages declared here, plus every page
/// reachable by following links from them (three clicks deep), so a page linked from a role's home page or
/// navigation is checked without being listed. Add a page here only if no link leads to it.
/// </summary>
public static partial class AccessibilityPages
{
    public const int MaxPagesPerCaller = 30;

    public static IReadOnlyDictionary<Caller, string[]> StartPages { get; } = new Dictionary<Caller, string[]>
    {
        [Caller.Anonymous] = ["/Account/SignIn", "/Account/SignOut", "/Account/AccessDenied"],
        [Caller.LineManager] = ["/"],
        [Caller.CommissioningManager] = ["/"],
        [Caller.Auditor] = ["/"],
        [Caller.Administrator] = ["/"],
    };

    /// <summary>
    /// Whether a link is one of the app's own pages to check: not the API or its third-party Swagger UI, not health,
    /// not static files, not a fragment, not another site.
    /// </summary>
    public static bool IsAppPage(Uri link, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!string.Equals(link.Authority, baseAddress.Authority, StringComparison.OrdinalIgnoreCase) || link.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var path = link.AbsolutePath;
        string[] excluded = ["/api", "/swagger", "/openapi", "/health", "/lib"];
        return !excluded.Any(prefix => path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Pages that differ only by an id (one case page per case, one manage page per user) are one page to check.</summary>
    public static string Shape(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return IdLike().Replace(link.PathAndQuery, "{id}");
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=[/=])\d+(?=$|[/&?])|(?<=[?&]user=)[^&]+", RegexOptions.CultureInvariant)]
    private static partial Regex IdLike();
}
