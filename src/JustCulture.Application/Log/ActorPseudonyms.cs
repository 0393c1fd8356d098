using System.Security.Cryptography;
using System.Text;

namespace JustCulture.Application.Log;

/// <summary>
/// Stable pseudonyms for the people who made decisions, for auditors who may follow one person's decisions
/// but not learn who they are. Keyed (HMAC-SHA-256): an unkeyed hash of a user id could be reversed by
/// anyone holding the list of user ids, simply by hashing every one of them.
/// </summary>
public sealed class ActorPseudonyms
{
    public const int MinimumKeyBytes = 32;

    private readonly byte[] _key;

    public ActorPseudonyms(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"A pseudonym key needs at least {MinimumKeyBytes} bytes; this one has {key.Length}.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>True when the key was made up at start-up: pseudonyms then change when the service restarts.</summary>
    public bool IsEphemeral { get; private init; }

    /// <summary>A random key for this process only (development, tests, tools that show no pseudonyms).</summary>
    public static ActorPseudonyms WithEphemeralKey() => new(RandomNumberGenerator.GetBytes(MinimumKeyBytes)) { IsEphemeral = true };

    /// <summary>Reads a base64 key from a setting; the error names the setting and says how to make a key.</summary>
    public static ActorPseudonyms FromBase64Setting(string settingName, string value)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{settingName} is not base64. Generate a key with: openssl rand -base64 {MinimumKeyBytes}");
        }

        if (key.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"{settingName} holds {key.Length} bytes; at least {MinimumKeyBytes} are needed. Generate a key with: openssl rand -base64 {MinimumKeyBytes}");
        }

        return new ActorPseudonyms(key);
    }

    public string For(string actorId)
    {
        ArgumentNullException.ThrowIfNull(actorId);
        return "u-" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(actorId)))[..12];
    }
}
