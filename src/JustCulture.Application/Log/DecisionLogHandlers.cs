using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Log;

/// <summary>
/// Integrates whatever is waiting, then checks the whole log against the signed checkpoints outside the
/// database; names the first bad entry or checkpoint. Always the whole log, never only what is new
/// (docs/decisions/0013-incremental-log-verification.md).
/// </summary>
public sealed class VerifyLogHandler(JustCultureDbContext db, DecisionLogTrust trust, DecisionLogSequencer sequencer)
{
    public async Task<LogVerification> HandleAsync(CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trust);
        await sequencer.IntegrateAsync(db, cancellationToken);
        return await sequencer.Verified.VerifyFullAsync(db, cancellationToken);
    }
}

/// <summary>Integrates what is waiting and signs a checkpoint of the whole log (unless the newest already covers it).</summary>
public sealed class CheckpointLogHandler(JustCultureDbContext db, DecisionLogTrust trust, DecisionLogSequencer sequencer)
{
    public async Task<StoredCheckpoint?> HandleAsync(CancellationToken cancellationToken = default)
    {
        await sequencer.CheckpointAsync(db, cancellationToken);
        return trust.Store.Newest();
    }
}

/// <summary>
/// Writes the log as JSON lines behind a header carrying a checkpoint signed for exactly the entries written,
/// for offline verification and recomputation (docs/log-format.md §4). Refused when the log does not verify.
/// </summary>
public sealed class ExportLogHandler(JustCultureDbContext db, DecisionLogTrust trust, DecisionLogSequencer sequencer, CaseDataProtector protector)
{
    public async Task<long> HandleAsync(TextWriter writer, CancellationToken cancellationToken = default)
    {
        var checkpoint = await VerifiedCheckpoint.RequireAsync(db, trust, sequencer, cancellationToken);
        return await DecisionLogStore.ExportAsync(db, checkpoint, protector, writer, cancellationToken);
    }
}

/// <summary>An inclusion proof for one entry, or for every entry of one concern, against a fresh checkpoint.</summary>
public sealed class ProveEntryHandler(JustCultureDbContext db, DecisionLogTrust trust, DecisionLogSequencer sequencer, CaseDataProtector protector)
{
    public async Task<InclusionProof> HandleAsync(long sequence, CancellationToken cancellationToken = default)
    {
        var checkpoint = await VerifiedCheckpoint.RequireAsync(db, trust, sequencer, cancellationToken);
        if (sequence < 1 || sequence > checkpoint.Checkpoint.Size)
        {
            throw Common.UseCaseException.NotFound($"There is no entry {sequence}: the log has entries 1 to {checkpoint.Checkpoint.Size}.");
        }

        return await DecisionLogProofs.InclusionAsync(db, checkpoint, protector, sequence, cancellationToken);
    }

    public async Task<IReadOnlyList<InclusionProof>> ForConcernAsync(Guid concernId, CancellationToken cancellationToken = default)
    {
        var checkpoint = await VerifiedCheckpoint.RequireAsync(db, trust, sequencer, cancellationToken);
        var sequences = await DecisionLogStore.Integrated(db, checkpoint.Checkpoint.Size).Where(r => r.Entry.ConcernId == concernId).Select(r => r.Sequence)
            .ToListAsync(cancellationToken);
        if (sequences.Count == 0)
        {
            throw Common.UseCaseException.NotFound($"The log has no entries for concern {concernId}.");
        }

        return await DecisionLogProofs.InclusionAsync(db, checkpoint, protector, sequences, cancellationToken);
    }
}

/// <summary>A consistency proof between two sizes of the log (the log only grew).</summary>
public sealed class ProveConsistencyHandler(JustCultureDbContext db, DecisionLogTrust trust, DecisionLogSequencer sequencer)
{
    public async Task<ConsistencyProof> HandleAsync(long oldSize, long newSize, CancellationToken cancellationToken = default)
    {
        var checkpoint = await VerifiedCheckpoint.RequireAsync(db, trust, sequencer, cancellationToken);
        var size = checkpoint.Checkpoint.Size;
        if (oldSize < 1 || newSize < oldSize || newSize > size)
        {
            throw Common.UseCaseException.Invalid("sizes", $"Give two sizes with 1 ≤ old ≤ new ≤ {size} (the log's size); got {oldSize} and {newSize}.");
        }

        return await DecisionLogProofs.ConsistencyAsync(db, oldSize, newSize, cancellationToken);
    }
}

/// <summary>
/// What every report and proof stands on: the log integrated, verified against the store, and a checkpoint
/// signed for exactly the entries read — so what a report says it was computed against is what it read.
/// Verification is incremental between whole ones (<see cref="VerifiedLogState"/>): a report reads only the entries
/// added since the last, and the whole history again every <see cref="DecisionLogSettings.FullVerifyEvery"/>.
/// </summary>
public static class VerifiedCheckpoint
{
    /// <summary>The newest checkpoint of the verified log; null when the log is empty (there is nothing to sign yet).</summary>
    public static async Task<StoredCheckpoint?> CurrentAsync(JustCultureDbContext db, DecisionLogTrust trust, DecisionLogSequencer sequencer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(sequencer);
        await sequencer.CheckpointAsync(db, cancellationToken);
        var verification = await sequencer.Verified.VerifyAsync(db, cancellationToken);
        if (!verification.IsIntact)
        {
            throw Common.UseCaseException.LogBroken(verification);
        }

        return verification.Checkpoint;
    }

    /// <summary>As <see cref="CurrentAsync"/>, for what cannot be made from an empty log (an export, a proof, a cosignature).</summary>
    public static async Task<StoredCheckpoint> RequireAsync(JustCultureDbContext db, DecisionLogTrust trust, DecisionLogSequencer sequencer, CancellationToken cancellationToken) =>
        await CurrentAsync(db, trust, sequencer, cancellationToken)
        ?? throw Common.UseCaseException.RuleViolated("The decision log is empty: there is no signed checkpoint yet, so nothing to export, prove or cosign.");
}
