using JustCulture.Application.Log;

namespace JustCulture.Web.Hosting;

/// <summary>
/// The key behind the actor pseudonyms auditors see (JustCulture:AuditPseudonymKey, base64, at least 32 bytes).
/// Production must have one, kept with the service's other secrets, so pseudonyms are stable across restarts
/// and cannot be reversed by hashing the list of user ids; elsewhere a key is made up per process.
/// </summary>
public static partial class PseudonymKeySetting
{
    public const string Name = JustCultureWebOptions.Section + ":" + nameof(JustCultureWebOptions.AuditPseudonymKey);

    public static ActorPseudonyms Resolve(string? configured, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return ActorPseudonyms.FromBase64Setting(Name, configured);
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{Name} must be set in Production: a base64 key of at least {ActorPseudonyms.MinimumKeyBytes} bytes " +
                $"(openssl rand -base64 {ActorPseudonyms.MinimumKeyBytes}), e.g. in the environment variable JustCulture__AuditPseudonymKey.");
        }

        return ActorPseudonyms.WithEphemeralKey();
    }

    /// <summary>Says at start-up when pseudonyms will not survive a restart.</summary>
    public static void WarnIfEphemeral(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<ActorPseudonyms>().IsEphemeral)
        {
            LogEphemeral(app.Logger, Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: auditors' actor pseudonyms use a key made up for this run and change on restart.")]
    private static partial void LogEphemeral(ILogger logger, string setting);
}
