using Microsoft.Data.Sqlite;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// Where the log's trust lives outside the database: the signing key, the checkpoint store, the log's name
/// (origin), when to checkpoint, and the witnesses whose cosignature verification requires.
/// </summary>
/// <param name="CheckpointEveryEntries">A checkpoint is signed once this many entries were integrated since the last one…</param>
/// <param name="CheckpointInterval">…or once this long has passed with any entry not yet in a checkpoint.</param>
/// <param name="WitnessPublicKeys">Witness name → public key file; when any is set, verify requires each one's cosignature.</param>
public sealed record DecisionLogSettings(
    string SigningKeyPath,
    string CheckpointDirectory,
    string Origin,
    int CheckpointEveryEntries,
    TimeSpan CheckpointInterval,
    IReadOnlyDictionary<string, string> WitnessPublicKeys)
{
    public const string DefaultOrigin = "justculture/decision-log";
    public const int DefaultCheckpointEveryEntries = 64;
    public static readonly TimeSpan DefaultCheckpointInterval = TimeSpan.FromSeconds(60);

    /// <summary>
    /// 15 minutes: a whole verification at national scale takes seconds, so four an hour cost little, while an edit
    /// of old rows made between two of them stands unnoticed for at most this long
    /// (docs/decisions/0013-incremental-log-verification.md).
    /// </summary>
    public static readonly TimeSpan DefaultFullVerifyEvery = TimeSpan.FromMinutes(15);

    /// <summary>How old the last whole verification may be before a report verifies the whole log again; in
    /// between, reports verify only the entries added since (<see cref="VerifiedLogState"/>). Zero: always whole.</summary>
    public TimeSpan FullVerifyEvery { get; init; } = DefaultFullVerifyEvery;

    /// <summary>Reads <see cref="FullVerifyEvery"/> from a setting such as "00:15:00" (unset: the default).</summary>
    /// <exception cref="FormatException">naming <paramref name="settingName"/> when the text is not a time span of zero or more.</exception>
    public static TimeSpan ParseFullVerifyEvery(string? text, string settingName)
    {
        if (Blank(text))
        {
            return DefaultFullVerifyEvery;
        }

        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var every) || every < TimeSpan.Zero)
        {
            throw new FormatException($"{settingName} must be a time span such as 00:15:00 (zero or more); it is '{text}'.");
        }

        return every;
    }

    /// <summary>
    /// Fills what is not set from the database: beside a SQLite file, <c>&lt;file&gt;.log-key.pem</c> and
    /// <c>&lt;file&gt;.checkpoints/</c>. A server database has no "beside", so there both must be set — being outside
    /// the database's trust boundary is the point.
    /// </summary>
    public static DecisionLogSettings Resolve(DatabaseLocation database, string? signingKeyPath = null, string? checkpointDirectory = null,
        string? origin = null, IReadOnlyDictionary<string, string>? witnesses = null, int? checkpointEveryEntries = null, TimeSpan? checkpointInterval = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var besideFile = BesideDatabaseFile(database);
        var key = Blank(signingKeyPath) ? besideFile is null ? null : besideFile + ".log-key.pem" : Path.GetFullPath(signingKeyPath!);
        var store = Blank(checkpointDirectory) ? besideFile is null ? null : besideFile + ".checkpoints" : Path.GetFullPath(checkpointDirectory!);
        if (key is null || store is null)
        {
            throw new FormatException(
                "The decision log's signing key and checkpoint store must be set for this database, outside it: "
                + "JustCulture:SigningKey and JustCulture:Checkpoints (web), or --signing-key and --checkpoints / "
                + "JUSTCULTURE_SIGNING_KEY and JUSTCULTURE_CHECKPOINTS (justculture).");
        }

        var name = Blank(origin) ? DefaultOrigin : origin!.Trim();
        if (name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c)))
        {
            throw new FormatException($"The log origin '{name}' is not valid: it may not contain spaces, '+' or control characters.");
        }

        var every = checkpointEveryEntries ?? DefaultCheckpointEveryEntries;
        if (every < 1)
        {
            throw new FormatException($"The checkpoint interval in entries must be at least 1 (was {every}).");
        }

        return new DecisionLogSettings(key, store, name, every, checkpointInterval ?? DefaultCheckpointInterval,
            witnesses ?? new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>The SQLite file's full path, or null for a server or in-memory database.</summary>
    private static string? BesideDatabaseFile(DatabaseLocation database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(database.ConnectionString);
        var file = builder.DataSource;
        if (string.IsNullOrWhiteSpace(file) || file == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return null;
        }

        return Path.GetFullPath(file);
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
