using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Identity;

/// <summary>
/// At start, asks the identity provider for its discovery document once, in the background and for at most
/// <see cref="Timeout"/>: an issuer that does not answer is a warning in the log, not a failed start — local
/// sign-in keeps working and the organisation's button says the service is not answering until it does.
/// </summary>
public sealed class OpenIdConnectDiscoveryProbe(IOptionsMonitor<OpenIdConnectOptions> options, OpenIdConnectSettings settings, ILogger<OpenIdConnectDiscoveryProbe> logger)
    : BackgroundService
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bounded.CancelAfter(Timeout);
        if (await IsAnsweringAsync(options.Get(OpenIdConnectSettings.Scheme), bounded.Token))
        {
            logger.LogInformation("Organisation sign-in: the identity provider at {Authority} answered", settings.Authority);
        }
        else if (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Organisation sign-in: the identity provider at {Authority} did not answer its discovery request within {Seconds} seconds; "
                + "its sign-in button will say so until it does. Local sign-in is unaffected", settings.Authority, Timeout.TotalSeconds);
        }
    }

    /// <summary>Fetches (or reuses) the provider's metadata; false when it cannot be had in time.</summary>
    public static async Task<bool> IsAnsweringAsync(OpenIdConnectOptions oidc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oidc);
        if (oidc.ConfigurationManager is null)
        {
            return false;
        }

        try
        {
            await oidc.ConfigurationManager.GetConfigurationAsync(cancellationToken).WaitAsync(cancellationToken);
            return true;
        }
        catch (Exception failure) when (failure is InvalidOperationException or HttpRequestException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
