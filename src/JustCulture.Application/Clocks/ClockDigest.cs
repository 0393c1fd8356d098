using System.Text;
using JustCulture.Application.Common;
using JustCulture.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace JustCulture.Application.Clocks;

/// <summary>
/// How the daily digest is sent (web: <c>JustCulture:Digest:*</c>; CLI: <c>justculture clocks digest</c>;
/// docs/domain/case-clocks.md, "Daily digest"). Recipients are named by user ID with an address each: the product
/// stores no e-mail addresses, and a digest goes only to whom the trust lists here.
/// </summary>
/// <param name="Recipients">User ID → e-mail address.</param>
/// <param name="Security">None (a relay on the trust's own network), StartTls (upgrade, required) or SslOnConnect.</param>
/// <param name="BaseUrl">Where the product is, for the link to "Due for me" (optional).</param>
public sealed record DigestSettings(string SmtpHost, int SmtpPort, string From, IReadOnlyDictionary<string, string> Recipients,
    DigestSecurity Security = DigestSecurity.None, string? UserName = null, string? Password = null, string? BaseUrl = null)
{
    public const int DefaultPort = 25;
}

public enum DigestSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>One recipient's digest, as it will be sent.</summary>
public sealed record DigestMessage(string UserId, string Address, string Subject, string Body, int Overdue, int Due);

/// <param name="Sent">Messages handed to the SMTP server.</param>
/// <param name="NothingDue">Recipients with nothing due (no message is sent to them).</param>
/// <param name="UnknownRecipients">Configured recipients who are not users of the product.</param>
public sealed record DigestRun(int Sent, int NothingDue, int UnknownRecipients);

/// <summary>
/// The daily digest of due and overdue work. Each recipient's message is built from their own "due for me"
/// (<see cref="DueForMeHandler"/>, the one access policy), so it holds only what they may see; and only case
/// references, stages, dates and fixed reasons — no names, no free text. Logged at Information as counts only.
/// </summary>
public sealed class ClockDigestHandler(DueForMeHandler dueForMe, ILogger<ClockDigestHandler> logger)
{
    public async Task<IReadOnlyList<DigestMessage>> BuildAsync(IReadOnlyDictionary<string, string> recipients, string? baseUrl = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        return (await BuildAllAsync(recipients, baseUrl, cancellationToken)).Messages;
    }

    public async Task<DigestRun> SendAsync(DigestSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var from = MailboxAddress.Parse(settings.From);
        var (messages, nothingDue, unknown) = await BuildAllAsync(settings.Recipients, settings.BaseUrl, cancellationToken);
        if (messages.Count > 0)
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(settings.SmtpHost, settings.SmtpPort, settings.Security switch
            {
                DigestSecurity.StartTls => SecureSocketOptions.StartTls,
                DigestSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            foreach (var message in messages)
            {
                // The address alone: a display name would put a person's name in the message headers.
                using var mime = new MimeMessage([from], [MailboxAddress.Parse(message.Address)], message.Subject, new TextPart("plain") { Text = message.Body });
                await smtp.SendAsync(mime, cancellationToken);
            }

            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }

        logger.LogInformation("Clock digest: {Sent} sent, {NothingDue} with nothing due, {Unknown} configured recipients who are not users", messages.Count, nothingDue, unknown);
        return new DigestRun(messages.Count, nothingDue, unknown);
    }

    private async Task<(List<DigestMessage> Messages, int NothingDue, int Unknown)> BuildAllAsync(IReadOnlyDictionary<string, string> recipients, string? baseUrl,
        CancellationToken cancellationToken)
    {
        var messages = new List<DigestMessage>();
        int nothingDue = 0, unknown = 0;
        foreach (var (userId, address) in recipients.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            DueForMe due;
            try
            {
                due = await dueForMe.HandleAsync(userId, cancellationToken);
            }
            catch (UseCaseException refused) when (refused.Error == UseCaseError.Forbidden)
            {
                unknown++;
                continue;
            }

            if (due.Items.Count == 0)
            {
                nothingDue++;
                continue;
            }

            messages.Add(Compose(userId, address, due, baseUrl));
        }

        return (messages, nothingDue, unknown);
    }

    internal static DigestMessage Compose(string userId, string address, DueForMe due, string? baseUrl)
    {
        var overdue = due.Items.Where(i => i.IsOverdue).ToList();
        var coming = due.Items.Where(i => !i.IsOverdue).ToList();
        var subject = $"JustCulture: {overdue.Count} overdue, {coming.Count} due ({UkDates.Date(due.TodayUk)})";
        var body = new StringBuilder();
        body.Append("Due and overdue for you on ").Append(UkDates.Date(due.TodayUk)).AppendLine(" (working days: England and Wales).").AppendLine();
        Section("Overdue", overdue);
        Section("Due", coming);
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            body.Append("Open ").Append(baseUrl.TrimEnd('/')).AppendLine("/Clocks to act on them.");
        }

        return new DigestMessage(userId, address, subject, body.ToString(), overdue.Count, coming.Count);

        void Section(string heading, List<DueItem> items)
        {
            if (items.Count == 0)
            {
                return;
            }

            body.AppendLine(heading);
            foreach (var item in items)
            {
                body.Append("- ").Append(item.CaseReference).Append(": ").AppendLine(item.Words);
            }

            body.AppendLine();
        }
    }
}
