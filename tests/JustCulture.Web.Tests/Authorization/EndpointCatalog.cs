using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Authorization;

public enum EndpointKind
{
    Page,
    Api,
    Other,
}

/// <summary>
/// One way in to the app: a Razor page (by its path, e.g. <c>/Concerns/New</c>) or a routed endpoint (by
/// method and route, e.g. <c>POST /api/concerns</c>), with a URL a request can use.
/// </summary>
/// <param name="ContentType">The request body type the endpoint accepts (routing refuses others with 415 before
/// authorization runs), or null for JSON.</param>
public sealed record AppEndpoint(EndpointKind Kind, string Method, string Route, string Key, string Url, string? ContentType = null)
{
    public override string ToString() => $"{Method} {Url} ({Key})";
}

/// <summary>
/// Every endpoint the running app really maps, read from its <see cref="EndpointDataSource"/>, so a page or API
/// endpoint added later is in the authorization matrix without anyone listing it.
/// </summary>
public static partial class EndpointCatalog
{
    public static IReadOnlyList<AppEndpoint> Read(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var endpoints = new List<AppEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>() is { SuppressMatching: true })
            {
                continue;
            }

            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var url = UrlFor(route);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page answers every method through its handlers; GET shows it, POST runs its form handler.
                foreach (var method in (string[])["GET", "POST"])
                {
                    endpoints.Add(new AppEndpoint(EndpointKind.Page, method, route, "page " + page.ViewEnginePath, url));
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var kind = route.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) ? EndpointKind.Api : EndpointKind.Other;
            foreach (var method in methods)
            {
                var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault();
                endpoints.Add(new AppEndpoint(kind, method, route, $"{method} {route}", url, accepts));
            }
        }

        return endpoints.DistinctBy(e => (e.Method, e.Url)).OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Url, StringComparer.Ordinal).ToList();
    }

    /// <summary>A concrete URL for a route pattern: ids become a GUID that exists nowhere, optional parts are dropped.</summary>
    public static string UrlFor(string route) =>
        RouteParameter().Replace(route, match =>
        {
            var name = match.Groups["name"].Value;
            var constraint = match.Groups["constraint"].Value;
            if (match.Groups["optional"].Success)
            {
                return string.Empty;
            }

            return name switch
            {
                "documentName" => "v1",
                _ when constraint.StartsWith("guid", StringComparison.OrdinalIgnoreCase) => "4f1c2a9e-0000-4000-8000-00000000abcd",
                _ when constraint.StartsWith("int", StringComparison.OrdinalIgnoreCase) || constraint.StartsWith("long", StringComparison.OrdinalIgnoreCase) => "1",
                _ => "x",
            };
        }).Replace("//", "/", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z0-9_]+)(:(?<constraint>[^}?=]+))?(?<optional>\?)?(=[^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();
}
