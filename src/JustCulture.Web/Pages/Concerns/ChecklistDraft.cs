using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace JustCulture.Web.Pages.Concerns;

/// <summary>
/// The answers a line manager has given so far to one action's checklist, before they check and submit
/// them. Kept in an encrypted, signed cookie (Data Protection) bound to the signed-in user, so nothing is
/// written to the database until the whole walk is submitted in one transaction — and a tampered or
/// foreign cookie is simply ignored. Submit re-validates every answer against the definition anyway.
/// </summary>
public sealed class ChecklistDraftStore(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("JustCulture.ChecklistDraft.v1");

    private sealed record Payload(string UserId, Dictionary<string, string> Answers);

    private static string CookieName(Guid concernId, int action) => $"jc.checklist.{concernId:N}.{action}";

    public Dictionary<string, string> Read(HttpContext context, string userId, Guid concernId, int action)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName(concernId, action), out var value) || string.IsNullOrEmpty(value))
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(value));
            if (payload is not null && string.Equals(payload.UserId, userId, StringComparison.Ordinal))
            {
                return new(payload.Answers, StringComparer.Ordinal);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            // An old key, a cookie from another user or a tampered value: start the draft again.
        }

        return new(StringComparer.Ordinal);
    }

    public void Write(HttpContext context, string userId, Guid concernId, int action, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = _protector.Protect(JsonSerializer.Serialize(new Payload(userId, new(answers, StringComparer.Ordinal))));
        context.Response.Cookies.Append(CookieName(concernId, action), value, Options(context));
    }

    public void Clear(HttpContext context, Guid concernId, int action)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName(concernId, action), Options(context));
    }

    private static CookieOptions Options(HttpContext context) => new()
    {
        Path = "/Concerns",
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        IsEssential = true,
        MaxAge = TimeSpan.FromHours(8),
    };
}
