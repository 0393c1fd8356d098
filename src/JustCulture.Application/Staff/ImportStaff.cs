using System.Globalization;
using JustCulture.Application.Common;
using JustCulture.Domain.Staff;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Staff;

/// <summary>What a confirmed import was shown: it must still be true when the import runs.</summary>
/// <param name="FileHash"><see cref="StaffImportPreview.FileHash"/> of the previewed file.</param>
/// <param name="CurrentSnapshotId">The year's current snapshot the preview compared with; null when there was none.</param>
public sealed record PreviewedImport(string FileHash, Guid? CurrentSnapshotId)
{
    public static PreviewedImport Of(StaffImportPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return new(preview.FileHash, preview.Replaces?.Id);
    }
}

/// <param name="WholeWorkforceConfirmed">The person says the file is the whole workforce, which a headcount drop of
/// more than <see cref="StaffImportPreview.MaxDropPercentWithoutConfirmation"/>% needs.</param>
/// <param name="Previewed">When set, the import is refused unless the file and the year's current snapshot are the previewed ones.</param>
public sealed record ImportStaffCommand(TextReader Csv, string SourceName, string Year, Actor Actor, bool WholeWorkforceConfirmed = false, PreviewedImport? Previewed = null);

public sealed record ImportStaffResult(string Year, int Imported, int Added, int Updated, int White, int Bme, int NotStated, Guid SnapshotId, Guid? ReplacedSnapshotId);

/// <summary>
/// Imports the workforce file for a reporting year: updates staff records and makes the file that year's current
/// headcount snapshot (the 31 March position). The snapshot it replaces is kept, people and all, in the year's
/// history. All or nothing: one bad row and nothing is imported, with every bad row listed; a headcount drop of
/// more than a fifth is refused unless the file is confirmed as the whole workforce.
/// </summary>
public sealed class ImportStaffHandler(JustCultureDbContext db, TimeProvider clock, DecisionLogWriter log)
{
    public async Task<ImportStaffResult> HandleAsync(ImportStaffCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow().UtcDateTime;

        return await StepTransaction.RunAsync(db, async ct =>
        {
            var review = await StaffFileReview.ReviewAsync(db, command.Csv, command.SourceName, command.Year, DateOnly.FromDateTime(now), ct);
            var preview = review.Preview;
            RefuseUnlessAsPreviewed(command.Previewed, preview);
            if (preview.IsBigDrop && !command.WholeWorkforceConfirmed)
            {
                throw UseCaseException.RuleViolated(BigDropMessage(preview), nameof(ImportStaffCommand.WholeWorkforceConfirmed));
            }

            var year = preview.Year;
            if (review.Current is { } replaced)
            {
                // Keep the replaced snapshot's people before its rows make way for the new file's.
                replaced.ReplacedAt(now);
                await db.SaveChangesAsync(ct);
                var people = await db.HeadcountSnapshots.AsNoTracking().Where(h => h.Year == year).ToListAsync(ct);
                await SaveInChunksAsync(people.Select(p => ArchivedHeadcountEntry.Of(replaced.Id, p)), ct);
            }

            var chains = await ManagerChains.PlanAsync(db, review.Parsed.Rows, ct);
            foreach (var chunk in review.Parsed.Rows.Chunk(StaffChunk.Size))
            {
                var refs = chunk.Select(r => r.StaffRef).ToList();
                var stored = await db.Staff.Where(s => refs.Contains(s.StaffRef)).ToDictionaryAsync(s => s.StaffRef, StringComparer.Ordinal, ct);
                foreach (var row in chunk)
                {
                    if (!stored.TryGetValue(row.StaffRef, out var member))
                    {
                        member = StaffMember.Create(row);
                        db.Staff.Add(member);
                    }
                    else
                    {
                        member.Update(row);
                    }

                    member.SetManagerChain(chains.InFile[row.StaffRef]);
                }

                await SaveAndForgetAsync(ct);
            }

            await ManagerChains.ApplyOthersAsync(db, chains, ct);
            await db.HeadcountSnapshots.Where(h => h.Year == year).ExecuteDeleteAsync(ct);
            await SaveInChunksAsync(review.Parsed.Rows.Select(r => HeadcountSnapshotEntry.From(year, r)), ct);
            var after = preview.After;
            var snapshot = HeadcountSnapshot.Record(year, now, command.Actor.UserId, command.SourceName, after.White, after.Bme, after.NotStated);
            db.HeadcountSnapshotHistory.Add(snapshot);

            await log.AppendAsync(db, [new DecisionLogEntry
            {
                EventType = LogEventTypes.StaffImported,
                Question = $"Headcount snapshot {year} (as at {review.Year.SnapshotDate:yyyy-MM-dd})",
                Answer = LogAnswer(preview, command.WholeWorkforceConfirmed),
                ActorId = command.Actor.UserId,
                ActorRole = command.Actor.Role,
                OccurredAtUtc = now,
            }], ct);
            return new ImportStaffResult(year, preview.Rows, preview.NewPeople, preview.Rows - preview.NewPeople,
                after.White, after.Bme, after.NotStated, snapshot.Id, review.Current?.Id);
        }, cancellationToken);
    }

    /// <summary>Adds and saves rows a chunk at a time, forgetting each chunk once written, so memory stays flat.</summary>
    private async Task SaveInChunksAsync<T>(IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        foreach (var chunk in rows.Chunk(StaffChunk.Size))
        {
            db.Set<T>().AddRange(chunk);
            await SaveAndForgetAsync(ct);
        }
    }

    private async Task SaveAndForgetAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    public static string BigDropMessage(StaffImportPreview preview)
    {
        ArgumentNullException.ThrowIfNull(preview);
        return string.Create(CultureInfo.InvariantCulture,
            $"The file has {preview.After.Total} people, {preview.DropPercent}% fewer than the {preview.Before.Total} in the current {preview.Year} snapshot. "
            + $"Confirm that this file is the whole workforce, or upload the complete file.");
    }

    private static void RefuseUnlessAsPreviewed(PreviewedImport? previewed, StaffImportPreview now)
    {
        if (previewed is null)
        {
            return;
        }

        if (!string.Equals(previewed.FileHash, now.FileHash, StringComparison.Ordinal))
        {
            throw UseCaseException.Conflict("This is not the file that was previewed; nothing was imported. Upload the file again to see its preview.");
        }

        if (previewed.CurrentSnapshotId != now.Replaces?.Id)
        {
            throw UseCaseException.Conflict($"Another staff file was imported for {now.Year} after this preview; nothing was imported. Upload the file again to see what it changes now.");
        }
    }

    /// <summary>The log's record of the import: the counts, and what it replaced (no names: the log is read by auditors).</summary>
    private static string LogAnswer(StaffImportPreview preview, bool wholeWorkforceConfirmed)
    {
        var answer = string.Create(CultureInfo.InvariantCulture,
            $"{preview.Rows} staff: {preview.After.White} White, {preview.After.Bme} BME, {preview.After.NotStated} not stated");
        if (preview.Replaces is { } old)
        {
            answer += string.Create(CultureInfo.InvariantCulture,
                $"; replaces the snapshot imported {old.ImportedAtUtc:yyyy-MM-dd HH:mm}Z ({old.Rows} staff: {old.Groups.White} White, {old.Groups.Bme} BME, {old.Groups.NotStated} not stated), kept in the snapshot history");
        }

        if (preview.IsBigDrop && wholeWorkforceConfirmed)
        {
            answer += string.Create(CultureInfo.InvariantCulture, $"; headcount drop of {preview.DropPercent}% confirmed as the whole workforce");
        }

        return answer;
    }
}
