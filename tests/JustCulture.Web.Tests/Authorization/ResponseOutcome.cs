using System.Net;

namespace JustCulture.Web.Tests.Authorization;

public static class ResponseOutcome
{
    /// <summary>
    /// How the app answered, as far as authorization goes: pages challenge and forbid with a redirect (to the sign-in
    /// and access-denied pages), the API with 401 and 403.
    /// </summary>
    public static Outcome Of(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Outcome.Challenged,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase) => Outcome.Challenged,
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => Outcome.Forbidden,
            _ => Outcome.Allowed,
        };
    }

    /// <summary>
    /// Whether the answer fits the expectation. "Allowed" means authorization let the request through: what the
    /// endpoint then says (400 for a missing body, 404 for an id that exists nowhere) is its business, but never a
    /// server error.
    /// </summary>
    public static bool Fits(Outcome expected, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var actual = Of(response);
        return expected switch
        {
            Outcome.Allowed => actual is Outcome.Allowed or Outcome.NotFound && (int)response.StatusCode < 500,
            Outcome.NotFound => actual == Outcome.NotFound || response.StatusCode == HttpStatusCode.BadRequest,
            _ => actual == expected,
        };
    }
}
