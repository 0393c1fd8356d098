using System.Security.Cryptography;
using JustCulture.Domain.Ethnicity;

namespace JustCulture.Domain.Survey;

/// <summary>A five-point answer, strongly disagree (1) to strongly agree (5).</summary>
public enum Agreement
{
    StronglyDisagree = 1,
    Disagree = 2,
    NeitherAgreeNorDisagree = 3,
    Agree = 4,
    StronglyAgree = 5,
}

/// <summary>
/// The one-time link offered to the person when their case closes (docs/domain/process-safeguards.md, "Fairness
/// survey"). Only the hash of the random token is kept; the link itself is shown once. It knows its case (so a case
/// is offered one link) but the answers given through it do not: they carry only the WRES group and the year.
/// </summary>
public sealed class FairnessSurveyInvitation
{
    private FairnessSurveyInvitation()
    {
        TokenHash = IssuedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid ConcernId { get; private set; }

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public string TokenHash { get; private set; }

    public WresGroup WresGroup { get; private set; }

    /// <summary>The reporting year (1 April – 31 March) the case closed in, by its start year.</summary>
    public int ReportingYearStart { get; private set; }

    public string IssuedByUserId { get; private set; }
    public DateTime IssuedAtUtc { get; private set; }

    /// <summary>Whether an answer has come through it. No time is kept, so the answer cannot be matched by when it came.</summary>
    public bool Used { get; private set; }

    /// <summary>A new link: the invitation to store and the token to give the person (never stored).</summary>
    public static (FairnessSurveyInvitation Invitation, string Token) Issue(Guid concernId, WresGroup group, int reportingYearStart, string issuedByUserId, DateTime nowUtc)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new FairnessSurveyInvitation
        {
            Id = Guid.NewGuid(),
            ConcernId = concernId,
            TokenHash = HashOf(token),
            WresGroup = group,
            ReportingYearStart = reportingYearStart,
            IssuedByUserId = issuedByUserId,
            IssuedAtUtc = nowUtc,
        }, token);
    }

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token ?? string.Empty)));
}

/// <summary>One person's answers: the three questions, the WRES group and the year, and nothing else.</summary>
public sealed class FairnessSurveyResponse
{
    private FairnessSurveyResponse()
    {
    }

    public Guid Id { get; private set; }
    public WresGroup WresGroup { get; private set; }
    public int ReportingYearStart { get; private set; }

    /// <summary>"I was treated fairly."</summary>
    public Agreement TreatedFairly { get; private set; }

    /// <summary>"I was listened to."</summary>
    public Agreement ListenedTo { get; private set; }

    /// <summary>"A white colleague in my position would have been treated the same."</summary>
    public Agreement SameAsWhiteColleague { get; private set; }

    public static FairnessSurveyResponse From(FairnessSurveyInvitation invitation, Agreement treatedFairly, Agreement listenedTo, Agreement sameAsWhiteColleague)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return new FairnessSurveyResponse
        {
            Id = Guid.NewGuid(),
            WresGroup = invitation.WresGroup,
            ReportingYearStart = invitation.ReportingYearStart,
            TreatedFairly = treatedFairly,
            ListenedTo = listenedTo,
            SameAsWhiteColleague = sameAsWhiteColleague,
        };
    }
}
