using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Application.Log;

/// <param name="PreviousSize">The size of the checkpoint this witness cosigned before, checked to be extended; null for its first.</param>
public sealed record WitnessResult(StoredCheckpoint Checkpoint, bool AlreadyCosigned, long? PreviousSize);

/// <summary>
/// An independent party (internal audit, staff side) cosigns the newest checkpoint with its own key, the way a
/// C2SP witness does: only after checking the log's signature, and that the log only grew since the last
/// checkpoint it cosigned — so once it has cosigned, the operator cannot show it, or anyone trusting it, a
/// rewritten past. The cosignature is added to the checkpoint file; nothing is ever removed from one.
/// </summary>
public sealed class WitnessCheckpointHandler(JustCultureDbContext db, DecisionLogTrust trust, DecisionLogSequencer sequencer, TimeProvider clock)
{
    public async Task<WitnessResult> HandleAsync(string witnessKeyPath, string witnessName, CancellationToken cancellationToken = default)
    {
        using var witness = WitnessKey.Load(witnessKeyPath, witnessName);
        var newest = await VerifiedCheckpoint.RequireAsync(db, trust, sequencer, cancellationToken);
        var asWitness = new CheckpointVerifier(trust.PublicKey, trust.Origin, new Dictionary<string, LogPublicKey>(StringComparer.Ordinal) { [witnessName] = witness.PublicKey });
        bool CosignedByThisWitness(StoredCheckpoint c) => asWitness.Verify(c.NoteText, c.FilePath).Witnesses.Contains(witnessName);

        if (CosignedByThisWitness(newest))
        {
            return new WitnessResult(newest, true, null);
        }

        var previous = trust.Store.ReadAll().LastOrDefault(c => c.Checkpoint.Size < newest.Checkpoint.Size && CosignedByThisWitness(c));
        if (previous is not null)
        {
            // The witness's own check, from the proof alone: the newer tree extends the one it vouched for.
            var proof = await DecisionLogProofs.ConsistencyAsync(db, previous.Checkpoint.Size, newest.Checkpoint.Size, cancellationToken);
            if (!MerkleProofs.VerifyConsistency(previous.Checkpoint.Size, newest.Checkpoint.Size, previous.Checkpoint.Root, newest.Checkpoint.Root,
                    proof.Path.Select(Convert.FromBase64String).ToList()))
            {
                throw Common.UseCaseException.LogBroken(LogVerification.Broken(newest.Checkpoint.Size,
                    $"{newest.FilePath} does not extend {previous.FilePath}, which {witnessName} cosigned: the log was rewritten", checkpointPath: newest.FilePath));
            }
        }

        var cosigned = witness.Cosign(newest.NoteText, trust.Verifier(), clock.GetUtcNow());
        var stored = trust.Store.Write(cosigned, newest.Checkpoint);
        return new WitnessResult(stored, false, previous?.Checkpoint.Size);
    }
}
