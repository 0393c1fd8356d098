using System.Security.Cryptography;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Retention;

/// <param name="Actor">Who runs it: an administrator, or the operator at the server (recorded as an administrator).</param>
/// <param name="DryRun">Say what would be erased and write nothing.</param>
public sealed record RunRetentionCommand(DateOnly AsOf, RetentionPeriod Period, Actor Actor, bool DryRun = false);

/// <summary>One person's erasure (or, in a dry run, what it would be).</summary>
/// <param name="Pseudonym">What the cases are known by from now on; null in a dry run.</param>
/// <param name="Groups">The frozen WRES groups, one per reporting year the cases have entries in.</param>
public sealed record RetentionErasure(string StaffRef, IReadOnlyList<string> CaseReferences, DateOnly DueSince, string? Pseudonym, IReadOnlyList<FrozenGroup> Groups);

/// <param name="MovedOn">Staff refs that were listed as due but were no longer due inside their transaction
/// (a step or a new concern landed meanwhile), so were left alone.</param>
public sealed record RetentionRunResult(bool DryRun, IReadOnlyList<RetentionErasure> Erasures, IReadOnlyList<string> MovedOn);

/// <summary>
/// Erases the case records that are due: for each person, in one transaction of their own — so one person's
/// failure leaves everyone else's erasure done and their own not begun — it (1) freezes their WRES groups,
/// (2) destroys their cases' data keys, so the log's sealed personal fields can never be opened again,
/// (3) clears the personal data of the case tables, and (4) records one erasure entry per case in the log.
/// </summary>
public sealed class RunRetentionHandler(JustCultureDbContext db, DecisionLogWriter log, TimeProvider clock)
{
    public const string ErasureQuestion = "Personal data erased at the end of its retention period";

    public async Task<RetentionRunResult> HandleAsync(RunRetentionCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!string.Equals(command.Actor.Role, nameof(Role.Administrator), StringComparison.Ordinal))
        {
            throw UseCaseException.Forbidden("Only an administrator can run retention.");
        }

        var due = await RetentionCandidates.DueAsync(db, command.AsOf, command.Period, onlyStaffRef: null, cancellationToken);
        var erasures = new List<RetentionErasure>();
        var movedOn = new List<string>();
        foreach (var person in due)
        {
            if (command.DryRun)
            {
                var groups = await FrozenGroups.ComputeAsync(db, person.StaffRef, person.ConcernIds, cancellationToken);
                erasures.Add(new RetentionErasure(person.StaffRef, person.CaseReferences, person.DueSince, null, groups));
                continue;
            }

            if (await EraseAsync(person.StaffRef, command, cancellationToken) is { } erasure)
            {
                erasures.Add(erasure);
            }
            else
            {
                movedOn.Add(person.StaffRef);
            }
        }

        return new RetentionRunResult(command.DryRun, erasures, movedOn);
    }

    private Task<RetentionErasure?> EraseAsync(string staffRef, RunRetentionCommand command, CancellationToken cancellationToken) =>
        StepTransaction.RunAsync(db, async ct =>
        {
            // The same row lock a case step takes first, on every case of the person: a step already under way
            // finishes before the check below, and any later one finds the case erased.
            var candidates = db.Concerns.Where(c => c.SubjectStaffRef == staffRef);
            await candidates.TagWith("retention: lock the person's cases").ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), ct);
            var person = (await RetentionCandidates.DueAsync(db, command.AsOf, command.Period, staffRef, ct)).SingleOrDefault();
            if (person is null)
            {
                return null;
            }

            var ids = person.ConcernIds;
            var groups = await FrozenGroups.ComputeAsync(db, staffRef, ids, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            await CaseDataKeys.EraseAsync(db, ids, now, ct);
            var pseudonym = NewPseudonym();
            await PersonalDataClearing.ClearAsync(db, ids, pseudonym, ct);
            var answer = FrozenGroups.Format(groups);
            var entries = ids.Select(id => new DecisionLogEntry
            {
                EventType = LogEventTypes.PersonalDataErased,
                ConcernId = id,
                SubjectStaffRef = pseudonym,
                Question = ErasureQuestion,
                Answer = answer,
                ActorId = command.Actor.UserId,
                ActorRole = nameof(Role.Administrator),
                OccurredAtUtc = now,
            }).ToList();
            await log.AppendAsync(db, entries, ct);
            return (RetentionErasure?)new RetentionErasure(staffRef, person.CaseReferences, person.DueSince, pseudonym, groups);
        }, cancellationToken);

    /// <summary>"erased:" and 16 random lower-case hex characters: links one person's erased cases to each other
    /// (so the figures still count them as one person) and to nobody.</summary>
    private static string NewPseudonym() => Reports.CaseSubjects.ErasedPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
