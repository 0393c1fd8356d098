namespace JustCulture.Domain.Notifications;

/// <summary>
/// One UK day's daily digest: the row is the claim. However many web nodes run the schedule, the first to insert
/// the day's row sends it; the others see the row and do not. A claim that never records a send (its node stopped
/// mid-send) may be taken over after a while, so a crash costs a late digest, not a missing one.
/// </summary>
public sealed class ClockDigestDay
{
    private ClockDigestDay()
    {
    }

    public ClockDigestDay(DateOnly ukDate, DateTime claimedAtUtc)
    {
        UkDate = ukDate;
        ClaimedAtUtc = claimedAtUtc;
    }

    public DateOnly UkDate { get; private set; }

    public DateTime ClaimedAtUtc { get; private set; }

    /// <summary>When the messages were handed to the SMTP server; null while the claim is being sent.</summary>
    public DateTime? SentAtUtc { get; private set; }

    public int? Sent { get; private set; }

    public int? NothingDue { get; private set; }

    public int? UnknownRecipients { get; private set; }

    public void RecordSent(DateTime sentAtUtc, int sent, int nothingDue, int unknownRecipients)
    {
        SentAtUtc = sentAtUtc;
        Sent = sent;
        NothingDue = nothingDue;
        UnknownRecipients = unknownRecipients;
    }
}
