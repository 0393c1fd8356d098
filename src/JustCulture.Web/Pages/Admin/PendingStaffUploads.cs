using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace JustCulture.Web.Pages.Admin;

/// <summary>An uploaded staff file waiting for its preview to be confirmed.</summary>
public sealed record PendingStaffUpload(string UserId, string SourceName, string Year, string Csv, DateTimeOffset ExpiresAt);

/// <summary>
/// Uploaded staff files between preview and confirm, kept in this server's memory under an unguessable token and
/// only for the administrator who uploaded them, so the confirmed import is exactly the file previewed without the
/// browser sending it twice. Memory rather than disk or database because the file holds special-category data
/// (ethnicity) that should not outlive the confirmation: an upload is forgotten when imported, after
/// <see cref="Lifetime"/>, or when the server restarts (the person then uploads it again). A deployment running
/// several web servers needs sticky sessions for this page.
/// </summary>
public sealed class PendingStaffUploads(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>Enough for several administrators at once; beyond it the oldest is forgotten first.</summary>
    private const int MaxPending = 20;

    private readonly ConcurrentDictionary<string, PendingStaffUpload> _uploads = new(StringComparer.Ordinal);

    public string Keep(string userId, string sourceName, string year, string csv)
    {
        var now = clock.GetUtcNow();
        foreach (var (token, upload) in _uploads)
        {
            if (upload.ExpiresAt <= now)
            {
                _uploads.TryRemove(token, out _);
            }
        }

        foreach (var (token, _) in _uploads.OrderBy(u => u.Value.ExpiresAt).Take(Math.Max(0, _uploads.Count - MaxPending + 1)))
        {
            _uploads.TryRemove(token, out _);
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _uploads[key] = new PendingStaffUpload(userId, sourceName, year, csv, now + Lifetime);
        return key;
    }

    /// <summary>The upload under a token, only for the user who made it and only until it expires.</summary>
    public PendingStaffUpload? Find(string? token, string userId)
    {
        if (token is null || !_uploads.TryGetValue(token, out var upload))
        {
            return null;
        }

        return upload.ExpiresAt > clock.GetUtcNow() && string.Equals(upload.UserId, userId, StringComparison.Ordinal) ? upload : null;
    }

    public void Forget(string token) => _uploads.TryRemove(token, out _);
}
