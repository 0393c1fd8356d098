namespace JustCulture.Web.Hosting;

/// <summary>The "JustCulture" configuration section.</summary>
public sealed class JustCultureWebOptions
{
    public const string Section = "JustCulture";

    /// <summary>sqlite:&lt;path&gt; or postgres:&lt;connection string&gt;.</summary>
    public string Database { get; set; } = "sqlite:justculture.db";

    /// <summary>
    /// PostgreSQL: the owner's connection, used only to migrate at start; the app then grants the role of
    /// <see cref="Database"/> what it needs (cases read and write, the log read and insert only) and works as that role.
    /// Unset: the app migrates with <see cref="Database"/> itself.
    /// </summary>
    public string? MigrationDatabase { get; set; }

    /// <summary>The decision log's signing key (PEM file), outside the database; default beside a SQLite file.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The directory of signed checkpoints, outside the database; default beside a SQLite file.</summary>
    public string? Checkpoints { get; set; }

    /// <summary>A directory every web node shares for the keys that protect sign-in cookies and tokens (see SharedKeyRing).</summary>
    public string? DataProtectionKeys { get; set; }

    /// <summary>The log's name in its checkpoints (e.g. the trust's domain and "/justculture").</summary>
    public string? LogOrigin { get; set; }

    /// <summary>Witness name → public key file; when set, verification needs each witness's cosignature.</summary>
    public Dictionary<string, string> Witnesses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sign a checkpoint after this many new entries…</summary>
    public int CheckpointEveryEntries { get; set; } = 64;

    /// <summary>
    /// This trust's name as imported organisations' figures spell it (<c>history import</c> with an Organisation
    /// column): the funnel plot highlights that row by default instead of adding the trust's own figure.
    /// </summary>
    public string? ThisOrganisation { get; set; }

    /// <summary>…or this many seconds after the first entry not yet in one.</summary>
    public int CheckpointEverySeconds { get; set; } = 60;

    /// <summary>How often the sequencer integrates committed entries into the tree.</summary>
    public int SequencerIntervalMilliseconds { get; set; } = 1000;

    /// <summary>How often each node looks for due workflow timers (docs/domain/workflow-runtime.md, "Durable timers").</summary>
    public int TimerPollSeconds { get; set; } = 15;

    /// <summary>Seed the demo trust and demo accounts into an empty database (never in Production).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>A review waiting longer than this many days is shown as overdue.</summary>
    public int OverdueReviewDays { get; set; } = 14;

    /// <summary>Informal-resolution review dates this many days away or fewer are highlighted.</summary>
    public int ReviewDateWarningDays { get; set; } = 7;

    /// <summary>An informal resolution with no agreed actions and review date this many days after it began is overdue.</summary>
    public int InformalPlanDueDays { get; set; } = 35;

    /// <summary>Base64 key (at least 32 bytes) for the actor pseudonyms in the auditor's log; required in Production.</summary>
    public string? AuditPseudonymKey { get; set; }

    /// <summary>Password of the demo accounts (Development and test only).</summary>
    public string DemoPassword { get; set; } = "JustCulture-demo-1";
}
