using Microsoft.AspNetCore.DataProtection;

namespace JustCulture.Web.Hosting;

/// <summary>
/// Sign-in cookies, API bearer tokens and antiforgery tokens are protected with ASP.NET Core's data-protection keys.
/// Web nodes behind one address must share those keys, or a user signed in on one node is signed out (and a form
/// refused) when the proxy sends the next request to another. <c>JustCulture:DataProtectionKeys</c> names a directory
/// every node reads and writes (shared storage, like the checkpoint store); unset, each node keeps its own keys.
/// </summary>
internal static class SharedKeyRing
{
    /// <summary>The same on every node, whatever directory it is installed in (the default would be the content root).</summary>
    public const string ApplicationName = "JustCulture";

    public static void AddSharedKeyRing(this IServiceCollection services, string? directory)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!string.IsNullOrWhiteSpace(directory))
        {
            protection.PersistKeysToFileSystem(Directory.CreateDirectory(directory));
        }
    }
}
