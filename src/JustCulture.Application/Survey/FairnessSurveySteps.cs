using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Domain.Survey;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Survey;

public sealed record OfferSurveyCommand(Guid ConcernId, string UserId);

/// <param name="Token">The one-time token, shown once to give the person; only its hash is stored.</param>
public sealed record SurveyOffered(Guid ConcernId, string Token);

public sealed record SubmitSurveyCommand(string? Token, Agreement? TreatedFairly, Agreement? ListenedTo, Agreement? SameAsWhiteColleague);

/// <summary>
/// The fairness survey (docs/domain/process-safeguards.md, "Fairness survey"). When a case has closed, a commissioning
/// manager of the case offers the person a one-time link (a case step, logged); the person answers three five-point
/// questions through it without signing in. The answers are stored with the WRES group and the reporting year only —
/// no case, no link, no time — and a link answers once: a second use is refused and nothing is written.
/// </summary>
public sealed class FairnessSurveySteps(JustCultureDbContext db, CaseStep step)
{
    public const string OfferQuestion = "Offer the person the fairness survey";

    public Task<SurveyOffered> OfferAsync(OfferSurveyCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return step.RunAsync(
            new CaseStepRequest(CaseTarget.Case(command.ConcernId), command.UserId, CaseAccess.Review),
            async (onCase, ct) =>
            {
                if (onCase.Concern.Status != ConcernStatus.Closed)
                {
                    throw UseCaseException.RuleViolated("The survey is offered when the case has closed: this one is still open.", "Concern");
                }

                if (await db.FairnessSurveyInvitations.AnyAsync(i => i.ConcernId == onCase.Concern.Id, ct))
                {
                    throw UseCaseException.Conflict("The survey has already been offered on this case: a case is offered one link.");
                }

                var (invitation, token) = FairnessSurveyInvitation.Issue(onCase.Concern.Id, onCase.Subject.WresGroup,
                    ReportingYear.Containing(onCase.NowUtc).StartYear, onCase.Actor.UserId, onCase.NowUtc);
                db.FairnessSurveyInvitations.Add(invitation);
                onCase.Log(LogEventTypes.FairnessSurveyOffered, OfferQuestion, "Offered");
                return new SurveyOffered(onCase.Concern.Id, token);
            },
            cancellationToken);
    }

    /// <summary>Whether a token is one that can still be answered (for the page before the form is shown).</summary>
    public async Task<SurveyLinkState> StateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return SurveyLinkState.Unknown;
        }

        var hash = FairnessSurveyInvitation.HashOf(token.Trim());
        var used = await db.FairnessSurveyInvitations.AsNoTracking().Where(i => i.TokenHash == hash).Select(i => (bool?)i.Used).SingleOrDefaultAsync(cancellationToken);
        return used switch
        {
            null => SurveyLinkState.Unknown,
            true => SurveyLinkState.Used,
            false => SurveyLinkState.Open,
        };
    }

    public async Task SubmitAsync(SubmitSurveyCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        Answer(problems, nameof(command.TreatedFairly), command.TreatedFairly);
        Answer(problems, nameof(command.ListenedTo), command.ListenedTo);
        Answer(problems, nameof(command.SameAsWhiteColleague), command.SameAsWhiteColleague);
        InputRules.ThrowIfAny(problems);
        var state = await StateAsync(command.Token, cancellationToken);
        if (state == SurveyLinkState.Unknown)
        {
            throw UseCaseException.Fields(UseCaseError.NotFound, [new FieldProblem("Token", "This survey link is not known. Check that you used the whole link you were given.")]);
        }

        var hash = FairnessSurveyInvitation.HashOf(command.Token!.Trim());
        db.ChangeTracker.Clear();
        await StepTransaction.RunAsync(db, async ct =>
        {
            var invitation = await db.FairnessSurveyInvitations.AsNoTracking().SingleAsync(i => i.TokenHash == hash, ct);
            // Marked used and answered in one transaction; the conditional update is what lets only one of two
            // submissions at once through.
            var claimed = await db.FairnessSurveyInvitations.Where(i => i.Id == invitation.Id && !i.Used)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Used, true), ct);
            if (claimed != 1)
            {
                throw UsedTwice();
            }

            db.FairnessSurveyResponses.Add(FairnessSurveyResponse.From(invitation, command.TreatedFairly!.Value, command.ListenedTo!.Value, command.SameAsWhiteColleague!.Value));
            return true;
        }, cancellationToken);
    }

    private static UseCaseException UsedTwice() =>
        UseCaseException.Fields(UseCaseError.Conflict, [new FieldProblem("Token", "This survey link has already been used: each link answers the survey once. Nothing more was recorded.")]);

    private static void Answer(List<FieldProblem> problems, string field, Agreement? answer)
    {
        if (answer is not { } a || !Enum.IsDefined(a))
        {
            problems.Add(new(field, "Choose one answer, from strongly disagree to strongly agree."));
        }
    }
}

public enum SurveyLinkState
{
    Unknown,
    Open,
    Used,
}

/// <param name="Responses">How many answered, as shown: "&lt;5" below five.</param>
/// <param name="Suppressed">Fewer than five answered: nothing more is shown, so no one person's answers can be read.</param>
/// <param name="AgreePercent">Per question, the share answering agree or strongly agree (null when suppressed).</param>
public sealed record SurveyGroupResult(WresGroup Group, string Responses, bool Suppressed, double? TreatedFairlyAgreePercent, double? ListenedToAgreePercent,
    double? SameAsWhiteColleagueAgreePercent, IReadOnlyDictionary<string, IReadOnlyList<int>>? Distribution);

public sealed record SurveyYearResult(string Year, IReadOnlyList<SurveyGroupResult> Groups);

/// <summary>
/// The survey's results by reporting year and WRES group, for auditors and the board: a group with fewer than five
/// answers is shown as "&lt;5" and nothing else about it (docs/domain/process-safeguards.md, "Fairness survey").
/// </summary>
public sealed class FairnessSurveyResultsHandler(JustCultureDbContext db)
{
    public static readonly string[] Questions = ["TreatedFairly", "ListenedTo", "SameAsWhiteColleague"];

    public async Task<IReadOnlyList<SurveyYearResult>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.FairnessSurveyResponses.AsNoTracking()
            .Select(r => new { r.ReportingYearStart, r.WresGroup, r.TreatedFairly, r.ListenedTo, r.SameAsWhiteColleague })
            .ToListAsync(cancellationToken);
        var suppression = SmallCellSuppression.Default;
        return rows.GroupBy(r => r.ReportingYearStart).OrderByDescending(y => y.Key).Select(year => new SurveyYearResult(
            new ReportingYear(year.Key).ToString(),
            Enum.GetValues<WresGroup>().Select(group =>
            {
                var answers = year.Where(r => r.WresGroup == group).ToList();
                if (suppression.IsSuppressed(answers.Count) || answers.Count == 0)
                {
                    return new SurveyGroupResult(group, suppression.Format(answers.Count), answers.Count > 0, null, null, null, null);
                }

                double Agree(Func<Agreement, bool> agree, IEnumerable<Agreement> given) => Math.Round(100.0 * given.Count(agree) / answers.Count, 1);
                static bool Agrees(Agreement a) => a >= Agreement.Agree;
                IReadOnlyList<int> Spread(IEnumerable<Agreement> given)
                {
                    var list = given.ToList();
                    return Enum.GetValues<Agreement>().Select(a => list.Count(x => x == a)).ToList();
                }

                return new SurveyGroupResult(group, suppression.Format(answers.Count), false,
                    Agree(Agrees, answers.Select(a => a.TreatedFairly)), Agree(Agrees, answers.Select(a => a.ListenedTo)),
                    Agree(Agrees, answers.Select(a => a.SameAsWhiteColleague)),
                    new Dictionary<string, IReadOnlyList<int>>
                    {
                        ["TreatedFairly"] = Spread(answers.Select(a => a.TreatedFairly)),
                        ["ListenedTo"] = Spread(answers.Select(a => a.ListenedTo)),
                        ["SameAsWhiteColleague"] = Spread(answers.Select(a => a.SameAsWhiteColleague)),
                    });
            }).ToList())).ToList();
    }
}

/// <param name="IsClosed">The survey can be offered only once the case has closed.</param>
/// <param name="OfferedAtUtc">When the link was offered, or null; whether it has been answered is not said, to anyone.</param>
public sealed record SurveyOfferState(Guid ConcernId, string CaseReference, bool IsClosed, DateTime? OfferedAtUtc);

/// <summary>Whether a case's survey has been offered, for an independent commissioning manager of the case (the offer's own policy).</summary>
public sealed class SurveyOfferStateHandler(JustCultureDbContext db, CaseReader reader)
{
    public async Task<SurveyOfferState> HandleAsync(Guid concernId, string userId, CancellationToken cancellationToken = default)
    {
        var loaded = await reader.ReadAsync(CaseTarget.Case(concernId), userId, CaseAccess.Review, cancellationToken);
        var offeredAt = await db.FairnessSurveyInvitations.AsNoTracking().Where(i => i.ConcernId == concernId)
            .Select(i => (DateTime?)i.IssuedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return new SurveyOfferState(concernId, CaseReference.Of(concernId), loaded.Concern.Status == ConcernStatus.Closed, offeredAt);
    }
}
