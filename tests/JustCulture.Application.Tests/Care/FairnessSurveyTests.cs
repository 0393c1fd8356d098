using JustCulture.Application.Common;
using JustCulture.Application.Survey;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Survey;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Care;

/// <summary>The fairness survey: offered on a closed case through a one-time link, answered anonymously, shown by group.</summary>
public abstract class FairnessSurveyTests : IAsyncLifetime
{
    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartWithSmallTrustAsync(Provider);

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task<Guid> ClosedCaseAsync(string subject = "S002", string raiser = SmallTrust.LineManager)
    {
        var concernId = await App.OpenConcernAsync(subject, raiser);
        await App.AnswerChecklistAsync(concernId, raiser, SmallTrust.PathTo('G'));
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "NoFurtherAction", "Nothing more is needed.");
        return concernId;
    }

    private Task<SurveyOffered> OfferAsync(Guid concernId, string by = SmallTrust.Reviewer) =>
        App.RunAsync<FairnessSurveySteps, SurveyOffered>(h => h.OfferAsync(new OfferSurveyCommand(concernId, by)));

    private Task SubmitAsync(string? token, Agreement? fairly = Agreement.Disagree, Agreement? listened = Agreement.Agree, Agreement? same = Agreement.StronglyDisagree) =>
        App.RunAsync<FairnessSurveySteps, bool>(async h =>
        {
            await h.SubmitAsync(new SubmitSurveyCommand(token, fairly, listened, same));
            return true;
        });

    private Task<IReadOnlyList<SurveyYearResult>> ResultsAsync() => App.RunAsync<FairnessSurveyResultsHandler, IReadOnlyList<SurveyYearResult>>(h => h.HandleAsync());

    [Fact]
    public async Task StoresTheAnswersWithOnlyGroupAndYear()
    {
        var concernId = await ClosedCaseAsync();
        var offered = await OfferAsync(concernId);

        await SubmitAsync(offered.Token);

        var invitation = await App.QueryAsync(db => db.FairnessSurveyInvitations.AsNoTracking().SingleAsync());
        invitation.TokenHash.ShouldBe(FairnessSurveyInvitation.HashOf(offered.Token));
        invitation.TokenHash.ShouldNotContain(offered.Token);
        invitation.Used.ShouldBeTrue();
        var response = await App.QueryAsync(db => db.FairnessSurveyResponses.AsNoTracking().SingleAsync());
        (response.WresGroup, response.ReportingYearStart).ShouldBe((WresGroup.Bme, 2025));
        (response.TreatedFairly, response.ListenedTo, response.SameAsWhiteColleague).ShouldBe((Agreement.Disagree, Agreement.Agree, Agreement.StronglyDisagree));
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.FairnessSurveyOffered && e.ConcernId == concernId))).ShouldBe(1);
        // The answer itself leaves no trace in the log.
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.OccurredAtUtc > invitation.IssuedAtUtc && e.EventType != LogEventTypes.FairnessSurveyOffered))).ShouldBe(0);
    }

    [Fact]
    public async Task RefusesALinkUsedTwiceAndWritesNothing()
    {
        var offered = await OfferAsync(await ClosedCaseAsync());
        await SubmitAsync(offered.Token);

        var refused = await Should.ThrowAsync<UseCaseException>(() => SubmitAsync(offered.Token, Agreement.StronglyAgree, Agreement.StronglyAgree, Agreement.StronglyAgree));

        refused.Error.ShouldBe(UseCaseError.Conflict);
        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Token");
        refused.Message.ShouldContain("already been used");
        (await App.QueryAsync(db => db.FairnessSurveyResponses.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task LetsOnlyOneOfTwoSubmissionsAtOnceThrough()
    {
        var offered = await OfferAsync(await ClosedCaseAsync());

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await SubmitAsync(offered.Token);
                return "ok";
            }
            catch (UseCaseException refused)
            {
                return refused.Error.ToString();
            }
        }));

        results.Count(r => r == "ok").ShouldBe(1, string.Join(", ", results));
        (await App.QueryAsync(db => db.FairnessSurveyResponses.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task RefusesAnUnknownTokenAndMissingAnswers()
    {
        var offered = await OfferAsync(await ClosedCaseAsync());

        (await Should.ThrowAsync<UseCaseException>(() => SubmitAsync("not-a-token"))).Error.ShouldBe(UseCaseError.NotFound);
        var missing = await Should.ThrowAsync<UseCaseException>(() => SubmitAsync(offered.Token, fairly: null, same: (Agreement)9));
        missing.FieldProblems.Select(p => p.Field).ShouldBe(["TreatedFairly", "SameAsWhiteColleague"], ignoreOrder: true);
        (await App.QueryAsync(db => db.FairnessSurveyResponses.CountAsync())).ShouldBe(0);
        (await App.RunAsync<FairnessSurveySteps, SurveyLinkState>(h => h.StateAsync(offered.Token))).ShouldBe(SurveyLinkState.Open);
    }

    [Fact]
    public async Task OffersOnlyOnAClosedCaseOnceToItsParties()
    {
        var open = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        (await Should.ThrowAsync<UseCaseException>(() => OfferAsync(open))).Error.ShouldBe(UseCaseError.RuleViolated);
        var closed = await ClosedCaseAsync();
        (await Should.ThrowAsync<UseCaseException>(() => OfferAsync(closed, SmallTrust.Auditor))).Error.ShouldBe(UseCaseError.Forbidden);
        await OfferAsync(closed);

        (await Should.ThrowAsync<UseCaseException>(() => OfferAsync(closed))).Error.ShouldBe(UseCaseError.Conflict);

        (await App.QueryAsync(db => db.FairnessSurveyInvitations.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task ShowsResultsByGroupSuppressingFewerThanFive()
    {
        // Five BME answers (S002, S003 are BME) and two white (S001): the white group is shown only as "<5".
        foreach (var (subject, fairly) in new[] { ("S002", Agreement.Agree), ("S003", Agreement.StronglyAgree), ("S002", Agreement.Disagree), ("S003", Agreement.Agree), ("S002", Agreement.Disagree) })
        {
            await SubmitAsync((await OfferAsync(await ClosedCaseAsync(subject))).Token, fairly);
        }

        foreach (var _ in Enumerable.Range(0, 2))
        {
            await SubmitAsync((await OfferAsync(await ClosedCaseAsync("S001"))).Token, Agreement.StronglyAgree);
        }

        var year = (await ResultsAsync()).ShouldHaveSingleItem();
        year.Year.ShouldBe("2025-26");
        var bme = year.Groups.Single(g => g.Group == WresGroup.Bme);
        (bme.Responses, bme.Suppressed).ShouldBe(("5", false));
        bme.TreatedFairlyAgreePercent.ShouldBe(60.0);
        bme.ListenedToAgreePercent.ShouldBe(100.0);
        bme.SameAsWhiteColleagueAgreePercent.ShouldBe(0.0);
        bme.Distribution!["TreatedFairly"].ShouldBe([0, 2, 0, 2, 1]);
        var white = year.Groups.Single(g => g.Group == WresGroup.White);
        (white.Responses, white.Suppressed, white.TreatedFairlyAgreePercent, white.Distribution).ShouldBe(("<5", true, (double?)null, (IReadOnlyDictionary<string, IReadOnlyList<int>>?)null));
        year.Groups.Single(g => g.Group == WresGroup.NotStated).Responses.ShouldBe("0");
    }
}

public sealed class SqliteFairnessSurveyTests : FairnessSurveyTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresFairnessSurveyTests : FairnessSurveyTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
