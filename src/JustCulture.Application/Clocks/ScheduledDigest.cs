using JustCulture.Domain;
using JustCulture.Domain.Notifications;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Clocks;

/// <summary>When the daily digest goes: each working day (the trust's calendar) from <paramref name="SendAtUk"/>, UK time.</summary>
public sealed record DigestSchedule(DigestSettings Settings, TimeOnly SendAtUk)
{
    public static readonly TimeOnly DefaultSendAtUk = new(7, 0);
}

/// <summary>What a scheduled attempt did.</summary>
public enum ScheduledDigestOutcome
{
    /// <summary>Not a working day, or not yet the hour.</summary>
    NotDue,
    /// <summary>Another node (or an earlier attempt) has today's digest.</summary>
    AlreadyClaimed,
    Sent,
}

/// <summary>
/// Sends the daily digest at most once per UK day however many nodes try (docs/domain/case-clocks.md, "Daily
/// digest"): the day's row in <c>clock_digest_days</c> is inserted before sending, and its unique key lets only one
/// node in. A failed send removes the claim so the next attempt tries again; a claim left by a node that stopped
/// mid-send is taken over after <see cref="StaleClaimAfter"/>.
/// </summary>
public sealed class ScheduledDigestHandler(JustCultureDbContext db, ClockDigestHandler digest, ClockSettings clocks, TimeProvider clock)
{
    public static readonly TimeSpan StaleClaimAfter = TimeSpan.FromMinutes(30);

    public async Task<(ScheduledDigestOutcome Outcome, DigestRun? Run)> SendIfDueAsync(DigestSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkDates.UkDateOf(now);
        if (!clocks.Calendar.IsWorkingDay(today) || TimeOnly.FromDateTime(UkDates.ToUk(now)) < schedule.SendAtUk)
        {
            return (ScheduledDigestOutcome.NotDue, null);
        }

        if (!await ClaimAsync(today, now, cancellationToken))
        {
            return (ScheduledDigestOutcome.AlreadyClaimed, null);
        }

        DigestRun run;
        try
        {
            run = await digest.SendAsync(schedule.Settings, cancellationToken);
        }
        catch
        {
            await db.ClockDigestDays.Where(d => d.UkDate == today && d.SentAtUtc == null).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        var day = await db.ClockDigestDays.SingleAsync(d => d.UkDate == today, cancellationToken);
        day.RecordSent(clock.GetUtcNow().UtcDateTime, run.Sent, run.NothingDue, run.UnknownRecipients);
        await db.SaveChangesAsync(cancellationToken);
        return (ScheduledDigestOutcome.Sent, run);
    }

    /// <summary>True when this caller now holds today's claim: it inserted the row, or took over one left unsent too long.</summary>
    private async Task<bool> ClaimAsync(DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.ClockDigestDays.AsNoTracking().AnyAsync(d => d.UkDate == today, cancellationToken))
        {
            var staleBefore = now - StaleClaimAfter;
            return await db.ClockDigestDays.Where(d => d.UkDate == today && d.SentAtUtc == null && d.ClaimedAtUtc < staleBefore)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedAtUtc, now), cancellationToken) == 1;
        }

        db.ClockDigestDays.Add(new ClockDigestDay(today, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node inserted the day between the look and the insert: the key refused ours.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
