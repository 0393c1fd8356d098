using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// The keys and the checkpoint store of one log, loaded once per process. The signing key is made on first
/// use when there is none and nothing has been signed yet; once checkpoints exist, a missing key is an error
/// (a new key would sign a history nobody could tell from a forgery).
/// </summary>
public sealed class DecisionLogTrust : IDisposable
{
    private readonly Lazy<LogSigningKey> _signingKey;
    private readonly Lazy<IReadOnlyDictionary<string, LogPublicKey>> _witnesses;
    private readonly Lazy<byte[]> _sealKey;
    private readonly Lazy<byte[]> _caseKeyWrappingKey;

    public DecisionLogTrust(DecisionLogSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Store = new CheckpointStore(settings.CheckpointDirectory);
        _signingKey = new Lazy<LogSigningKey>(LoadOrCreateSigningKey, LazyThreadSafetyMode.ExecutionAndPublication);
        _sealKey = new Lazy<byte[]>(() => SigningKey.SealKey, LazyThreadSafetyMode.ExecutionAndPublication);
        _caseKeyWrappingKey = new Lazy<byte[]>(() => SigningKey.CaseKeyWrappingKey, LazyThreadSafetyMode.ExecutionAndPublication);
        _witnesses = new Lazy<IReadOnlyDictionary<string, LogPublicKey>>(
            () => settings.WitnessPublicKeys.ToDictionary(w => w.Key, w => LogPublicKey.Load(w.Value), StringComparer.Ordinal));
    }

    public DecisionLogSettings Settings { get; }

    public CheckpointStore Store { get; }

    public string Origin => Settings.Origin;

    public LogSigningKey SigningKey => _signingKey.Value;

    public LogPublicKey PublicKey => SigningKey.PublicKey;

    /// <summary>Where the public key is written beside the signing key, for auditors to take.</summary>
    public string PublicKeyPath => LogSigningKey.PublicKeyPathFor(Settings.SigningKeyPath);

    /// <summary>The key that seals entries (docs/log-format.md §1.3), derived from the signing key.</summary>
    public byte[] SealKey => _sealKey.Value;

    /// <summary>The key that wraps case data keys (docs/log-format.md §1.4), derived from the signing key.</summary>
    public byte[] CaseKeyWrappingKey => _caseKeyWrappingKey.Value;

    /// <summary>Witnesses whose cosignature verify requires (none unless configured).</summary>
    public IReadOnlyDictionary<string, LogPublicKey> Witnesses => _witnesses.Value;

    public CheckpointVerifier Verifier() => new(PublicKey, Origin, Witnesses);

    private LogSigningKey LoadOrCreateSigningKey()
    {
        var path = Settings.SigningKeyPath;
        if (File.Exists(path))
        {
            var key = LogSigningKey.Load(path);
            var publicPath = LogSigningKey.PublicKeyPathFor(path);
            if (!File.Exists(publicPath))
            {
                // The public half is what auditors take; put it back if someone removed it.
                File.WriteAllText(publicPath, key.PublicKey.ToPem());
            }

            return key;
        }

        if (Store.Newest() is { } newest)
        {
            throw new CheckpointKeyException(
                path, $"the log's signing key is missing, but {newest.FilePath} holds a checkpoint signed with it. Restore the key file; a new key cannot continue a signed log.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return LogSigningKey.CreateFile(path);
    }

    public void Dispose()
    {
        if (_signingKey.IsValueCreated)
        {
            _signingKey.Value.Dispose();
        }
    }
}
