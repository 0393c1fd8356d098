using JustCulture.Domain.Concerns;

namespace JustCulture.Domain.Tests.Concerns;

/// <summary>
/// Trust used below: X1 at the top; M1 (raiser, account "lm.one") reports to X1; subject E100 reports to M1;
/// reviewer H1 reports to X1 (independent).
/// </summary>
public class ReviewerIndependenceTests
{
    private static CaseParties Parties(IReadOnlyList<string>? subjectNow = null, IReadOnlyList<string>? subjectThen = null,
        IReadOnlyList<string>? raiserNow = null, IReadOnlyList<string>? raiserThen = null) =>
        new("lm.one", "E100", subjectNow ?? ["M1", "X1"], subjectThen ?? ["M1", "X1"], "M1", raiserNow ?? ["X1"], raiserThen ?? ["X1"]);

    [Fact]
    public void AcceptsReviewerGivenSomeoneOutsideBothChains()
    {
        ReviewerIndependence.Conflict("cm.one", "H1", ["X1"], Parties()).ShouldBeNull();
    }

    [Fact]
    public void RejectsReviewerGivenTheRaisingAccount()
    {
        ReviewerIndependence.Conflict("lm.one", "M1", ["X1"], Parties()).ShouldNotBeNull().ShouldContain("raised this concern");
    }

    [Fact]
    public void RejectsReviewerGivenTheRaiserUnderAnotherAccount()
    {
        ReviewerIndependence.Conflict("cm.second", "M1", ["X1"], Parties()).ShouldNotBeNull().ShouldContain("another account");
    }

    [Fact]
    public void RejectsReviewerGivenThePersonConcerned()
    {
        ReviewerIndependence.Conflict("cm.self", "E100", ["M1", "X1"], Parties()).ShouldNotBeNull().ShouldContain("is the person concerned");
    }

    [Fact]
    public void RejectsReviewerGivenSomeoneAboveTheSubject()
    {
        ReviewerIndependence.Conflict("cm.exec", "X1", [], Parties()).ShouldNotBeNull().ShouldContain("line management of the person concerned");
    }

    [Fact]
    public void RejectsReviewerGivenSubjectMovedAwaySinceRaising()
    {
        // A staff file since moved the subject to another manager (M2 under X2): the chain at raising still counts.
        var parties = Parties(subjectNow: ["M2", "X2"], subjectThen: ["M1", "X1"]);

        ReviewerIndependence.Conflict("cm.second", "M1", ["X1"], parties with { RaisedByUserId = "lm.one" })
            .ShouldNotBeNull().ShouldContain("another account");
        ReviewerIndependence.Conflict("cm.exec", "X1", [], parties).ShouldNotBeNull().ShouldContain("line management of the person concerned");
    }

    [Fact]
    public void RejectsReviewerGivenSomeoneAboveTheRaiserOnlyWhenRaised()
    {
        var parties = Parties(subjectNow: ["M1", "X1"], subjectThen: ["M1", "X1"], raiserNow: ["X1"], raiserThen: ["D7", "X1"]);

        ReviewerIndependence.Conflict("cm.d7", "D7", ["X1"], parties).ShouldNotBeNull().ShouldContain("manager who raised");
    }

    [Fact]
    public void RejectsReviewerGivenReviewerReportsToTheRaiser()
    {
        ReviewerIndependence.Conflict("cm.team", "H9", ["M1", "X1"], Parties()).ShouldNotBeNull().ShouldContain("reports to");
    }

    [Fact]
    public void RejectsReviewerGivenNoStaffRecord()
    {
        ReviewerIndependence.Conflict("cm.unlinked", null, [], Parties()).ShouldNotBeNull().ShouldContain("not linked to a staff record");
    }
}
