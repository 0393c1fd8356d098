using JustCulture.Application.Review;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Staff;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Review;

/// <summary>The person's band, staff group, directorate and service are withheld from a blinded reviewer when they would identify them.</summary>
public abstract class SubjectContextTests : ReviewTestBase
{
    /// <summary>Adds colleagues with S001's band, staff group and directorate, started within S001's service band (3–5 years).
    /// S002 already shares all four, so S001's details are shared by two people before any are added.</summary>
    private Task AddColleaguesOfS001Async(int count) =>
        App.QueryAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.Staff.Add(StaffMember.Create(new StaffDetails($"P{i:000}", $"Peer {i}", EthnicCode.Parse("A"), "Band 5",
                    "Nursing and Midwifery Registered", "Medicine", new DateOnly(2020, 3, 1), "M001")));
            }

            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task WithholdsDetailsGivenFewerThanFivePeopleShareThem()
    {
        var concernId = await OpenToReviewAsync("S001");
        await AddColleaguesOfS001Async(2);

        var context = (await CaseAsync(concernId)).Context;

        context.Withheld.ShouldBeTrue();
        context.PeopleSharing.ShouldBe(4);
        context.Band.ShouldBeNull();
        context.StaffGroup.ShouldBeNull();
        context.Directorate.ShouldBeNull();
        context.ServiceBand.ShouldBeNull();
    }

    [Fact]
    public async Task ShowsDetailsGivenFivePeopleShareThem()
    {
        var concernId = await OpenToReviewAsync("S001");
        await AddColleaguesOfS001Async(3);

        var context = (await CaseAsync(concernId)).Context;

        context.Withheld.ShouldBeFalse();
        context.PeopleSharing.ShouldBe(5);
        context.Band.ShouldBe("Band 5");
        context.Directorate.ShouldBe("Medicine");
        context.ServiceBand.ShouldBe("3–5");
    }

    [Fact]
    public async Task ShowsDetailsGivenReviewerUnblindedTheCase()
    {
        var concernId = await OpenToReviewAsync("S001");
        await UnblindAsync(concernId, "The checklist answers refer to a role-specific protocol.");

        var context = (await CaseAsync(concernId)).Context;

        context.Withheld.ShouldBeFalse();
        context.Band.ShouldBe("Band 5");
        context.PeopleSharing.ShouldBe(2);
    }
}

public sealed class SqliteSubjectContextTests : SubjectContextTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresSubjectContextTests : SubjectContextTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
