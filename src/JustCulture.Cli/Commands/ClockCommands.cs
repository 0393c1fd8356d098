using System.CommandLine;
using System.Net.Mail;
using System.Text.Json;
using JustCulture.Application.Clocks;
using JustCulture.Application.Common;

namespace JustCulture.Cli.Commands;

internal static class ClockCommands
{
    public static Command Build() => new("clocks", "Stage clocks: what is due and overdue, by working-day target") { BuildDue(), BuildDigest() };

    /// <summary>The SMTP password is read from here, never from the command line (where other users of the machine can see it).</summary>
    public const string PasswordVariable = "JUSTCULTURE_DIGEST_PASSWORD";

    private static Command BuildDigest()
    {
        var host = new Option<string>("--smtp-host") { Description = "The SMTP server", Required = true };
        var port = new Option<int>("--smtp-port") { Description = $"Its port (default {DigestSettings.DefaultPort})", DefaultValueFactory = _ => DigestSettings.DefaultPort };
        var security = new Option<string>("--security") { Description = "none (a relay on the trust's network), starttls or sslonconnect", DefaultValueFactory = _ => "none" };
        security.AcceptOnlyFromAmong("none", "starttls", "sslonconnect");
        var from = new Option<string>("--from") { Description = "The sender address", Required = true };
        var to = new Option<string[]>("--to") { Description = "A recipient as userId=address; repeat for each", Required = true, AllowMultipleArgumentsPerToken = false };
        var userName = new Option<string?>("--user-name") { Description = $"Sign in to the SMTP server as this user, with the password in {PasswordVariable}" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Where the product is, for the link to \"Due for me\"" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print each message instead of sending it" };
        var digest = new Command("digest", "Send each listed user their due and overdue work by e-mail (run once a day, e.g. from cron): no names, no free text")
        {
            host, port, security, from, to, userName, baseUrl, dryRun,
        };
        digest.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var recipients = Recipients(cli.Parse.GetValue(to) ?? []);
            if (!MailAddress.TryCreate(cli.Value(from), out _))
            {
                throw UseCaseException.Invalid($"--from: '{cli.Value(from)}' is not an e-mail address.");
            }

            if (cli.Value(port) is < 1 or > 65535)
            {
                throw UseCaseException.Invalid($"--smtp-port must be from 1 to 65535 (was {cli.Value(port)}).");
            }

            var handler = cli.Get<ClockDigestHandler>();
            if (cli.Value(dryRun))
            {
                foreach (var message in await handler.BuildAsync(recipients, cli.Value(baseUrl), ct))
                {
                    await cli.Out.WriteLineAsync($"To: {message.Address} ({message.UserId})\nSubject: {message.Subject}\n\n{message.Body}");
                }

                return ExitCodes.Ok;
            }

            var settings = new DigestSettings(cli.Value(host), cli.Value(port), cli.Value(from), recipients, cli.Value(security) switch
            {
                "starttls" => DigestSecurity.StartTls,
                "sslonconnect" => DigestSecurity.SslOnConnect,
                _ => DigestSecurity.None,
            }, cli.Value(userName), Environment.GetEnvironmentVariable(PasswordVariable), cli.Value(baseUrl));
            DigestRun run;
            try
            {
                run = await handler.SendAsync(settings, ct);
            }
            catch (Exception failed) when (failed is System.Net.Sockets.SocketException or IOException or MailKit.ProtocolException or MailKit.CommandException
                or System.Security.Authentication.AuthenticationException or MailKit.Security.AuthenticationException)
            {
                // Sending writes nothing to the database, so running it again after the failure sends the same list.
                await cli.Error.WriteLineAsync($"error: the digest could not be sent through {settings.SmtpHost}:{settings.SmtpPort}: {failed.Message}");
                return ExitCodes.Failed;
            }

            await cli.Out.WriteLineAsync($"Sent {run.Sent}; {run.NothingDue} with nothing due; {run.UnknownRecipients} not users of the product.");
            return ExitCodes.Ok;
        }));
        return digest;
    }

    /// <summary>Each <c>userId=address</c>, refused naming the one that is not.</summary>
    private static Dictionary<string, string> Recipients(string[] given)
    {
        var recipients = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in given)
        {
            var split = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (split.Length != 2 || split[0].Length == 0 || !MailAddress.TryCreate(split[1], out _))
            {
                throw UseCaseException.Invalid($"--to '{pair}': give a user ID and an e-mail address as userId=address.");
            }

            if (!recipients.TryAdd(split[0], split[1]))
            {
                throw UseCaseException.Invalid($"--to '{pair}': {split[0]} is listed twice.");
            }
        }

        return recipients;
    }

    private static Command BuildDue()
    {
        var forUser = new Option<string>("--for") { Description = "The user whose due list this is (as the digest would send it)", Required = true };
        var format = CliOptions.Format();
        var due = new Command("due", "A user's due and overdue work, overdue first: case references, stages and dates only") { forUser, format };
        due.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var list = await cli.Get<DueForMeHandler>().HandleAsync(cli.Value(forUser), ct);
            if (cli.Value(format) == "json")
            {
                var shaped = new
                {
                    list.TodayUk,
                    list.OverdueCount,
                    Items = list.Items.Select(i => new { i.Kind, i.ConcernId, i.CaseReference, i.ActionOrdinal, i.Stage, i.DueOn, i.WorkingDaysLeft, i.IsOverdue, i.DelayReasonNeeded, i.Delay, i.Words }),
                };
                await cli.Out.WriteLineAsync(JsonSerializer.Serialize(shaped, CliJson.Options));
                return ExitCodes.Ok;
            }

            if (list.Items.Count == 0)
            {
                await cli.Out.WriteLineAsync("Nothing is due.");
                return ExitCodes.Ok;
            }

            await cli.Out.WriteLineAsync($"{list.OverdueCount} overdue, {list.Items.Count - list.OverdueCount} due (working days, UK time, {list.TodayUk:yyyy-MM-dd}):");
            foreach (var item in list.Items)
            {
                await cli.Out.WriteLineAsync($"{(item.IsOverdue ? "OVERDUE" : "due    ")}  {item.CaseReference}  {item.Words}");
            }

            return ExitCodes.Ok;
        }));
        return due;
    }
}
