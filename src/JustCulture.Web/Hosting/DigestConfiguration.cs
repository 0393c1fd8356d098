using System.Globalization;
using System.Net.Mail;
using JustCulture.Application.Clocks;

namespace JustCulture.Web.Hosting;

/// <summary>
/// <c>JustCulture:Digest:*</c> (docs/domain/case-clocks.md, "Daily digest"): off unless <c>Enabled</c>; when on, read
/// at start, so a missing server, a bad address or time stops the app naming the setting instead of never sending.
/// </summary>
public static class DigestConfiguration
{
    public const string Section = $"{JustCultureWebOptions.Section}:Digest";

    /// <summary>The schedule, or null when the digest is off.</summary>
    public static DigestSchedule? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (!Flag(section, "Enabled"))
        {
            return null;
        }

        var host = section["SmtpHost"] is { Length: > 0 } h ? h : throw Problem("SmtpHost", "names the SMTP server and is required when the digest is enabled");
        var port = DigestSettings.DefaultPort;
        if (section["SmtpPort"] is { Length: > 0 } portText
            && !(int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535))
        {
            throw Problem("SmtpPort", $"must be a port from 1 to 65535; it is '{portText}'");
        }

        var from = section["From"] is { } f && MailAddress.TryCreate(f, out _) ? f : throw Problem("From", "must be the sender's e-mail address");
        var security = section["Security"] is { Length: > 0 } s
            ? Enum.TryParse<DigestSecurity>(s, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(s, out _) ? parsed
                : throw Problem("Security", $"must be None, StartTls or SslOnConnect; it is '{s}'")
            : DigestSecurity.None;
        var recipients = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var recipient in section.GetSection("Recipients").GetChildren())
        {
            recipients[recipient.Key] = MailAddress.TryCreate(recipient.Value, out _) ? recipient.Value!
                : throw Problem($"Recipients:{recipient.Key}", "must be an e-mail address");
        }

        if (recipients.Count == 0)
        {
            throw Problem("Recipients", "must list at least one user ID with an address (Recipients:{userId} = address)");
        }

        var sendAt = DigestSchedule.DefaultSendAtUk;
        if (section["SendAtUkTime"] is { Length: > 0 } time && !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out sendAt))
        {
            throw Problem("SendAtUkTime", $"must be a 24-hour UK time as HH:mm, e.g. 07:00; it is '{time}'");
        }

        return new DigestSchedule(new DigestSettings(host, port, from, recipients, security, section["UserName"], section["Password"], section["BaseUrl"]), sendAt);
    }

    private static bool Flag(IConfigurationSection section, string key) => section[key] switch
    {
        null or "" => false,
        var text when bool.TryParse(text, out var on) => on,
        var text => throw Problem(key, $"must be true or false; it is '{text}'"),
    };

    private static InvalidOperationException Problem(string key, string says) => new($"{Section}:{key} {says}.");
}
