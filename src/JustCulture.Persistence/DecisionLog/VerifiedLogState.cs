namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// What this process has verified of the log, so that a report does not re-verify the whole history each time
/// (docs/decisions/0013-incremental-log-verification.md). After a whole verification it keeps the prefix up to the
/// newest checkpoint; the next verification reads only the entries after it, grows the kept frontier and checks
/// it against the checkpoints signed since. The whole log is verified again once the last whole verification is
/// older than <see cref="DecisionLogSettings.FullVerifyEvery"/>, and whenever the incremental one finds anything
/// wrong — its verdict then is the whole verification's, naming the first bad entry.
/// </summary>
public sealed class VerifiedLogState(DecisionLogTrust trust, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VerifiedLogPrefix? _prefix;
    private DateTimeOffset _fullAt;

    /// <summary>Verifies what is new since the kept prefix, or the whole log when due or when nothing is kept.</summary>
    public async Task<LogVerification> VerifyAsync(JustCultureDbContext db, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_prefix is { } prefix && clock.GetUtcNow() - _fullAt < trust.Settings.FullVerifyEvery)
            {
                var verification = await DecisionLogVerifier.VerifyAsync(db, trust, prefix, cancellationToken);
                if (verification.IsIntact)
                {
                    _prefix = verification.Prefix;
                    return verification;
                }

                // Anything that does not match may be a rewrite the prefix hides from view: start from the first entry.
            }

            return await FullLockedAsync(db, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Verifies the whole log (what <c>log verify</c> asks for) and keeps its prefix when it is intact.</summary>
    public async Task<LogVerification> VerifyFullAsync(JustCultureDbContext db, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await FullLockedAsync(db, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<LogVerification> FullLockedAsync(JustCultureDbContext db, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        _prefix = null;
        var verification = await DecisionLogVerifier.VerifyAsync(db, trust, cancellationToken);
        if (verification.IsIntact)
        {
            _prefix = verification.Prefix;
            _fullAt = startedAt;
        }

        return verification;
    }
}
