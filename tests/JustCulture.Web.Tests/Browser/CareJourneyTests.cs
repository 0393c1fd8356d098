using System.Globalization;
using System.Net;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Demo;
using JustCulture.Application.Tasks;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The care around a case, through the UI, on a server of its own with cultural ambassadors turned on: the reviewer
/// records the person's wellbeing contact and support (first refused with nothing written), logs a check-in, invites an
/// ambassador and records their observations, which is what lets the formal route through for a BME member of staff;
/// the line manager sees the wellbeing in brief; a closed case's survey link is made once and answered without
/// signing in; the auditor sees the result withheld below five. Screenshots in TestResults/screenshots/journey-care-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class CareJourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Ambassador = "Adaeze Okafor";

    private SqliteTestDatabase? _database;
    private JustCultureWebFactory? _factory;
    private Uri _baseAddress = new("http://127.0.0.1/");

    private JustCultureWebFactory Factory => _factory!;

    public async Task InitializeAsync()
    {
        _database = await DemoDatabase.CopyAsync("web-care");
        _factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(_database), settings: new Dictionary<string, string?>
        {
            ["JustCulture:CulturalAmbassador:Enabled"] = "true",
            ["JustCulture:CulturalAmbassador:Ambassadors"] = $"{Ambassador}, Rahul Mehta",
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _baseAddress = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _database?.Dispose();
    }

    /// <summary>A new concern about a BME member of the demo line manager's team, taken through the checklist to review.</summary>
    private async Task<(Guid ConcernId, Guid ReviewTaskId)> BmeCaseAtReviewAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        var manager = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == DemoSeeder.LineManagerAccount);
        var subject = await db.Staff.AsNoTracking()
            .Where(s => s.LineManagerRef == manager.StaffRef && s.WresGroup == WresGroup.Bme
                && !db.Concerns.Any(c => c.SubjectStaffRef == s.StaffRef && c.Status != ConcernStatus.Closed))
            .OrderBy(s => s.StaffRef).Select(s => s.StaffRef).FirstAsync();
        var concernId = await scope.ServiceProvider.GetRequiredService<OpenConcernHandler>().HandleAsync(
            new OpenConcernCommand(subject, DemoSeeder.LineManagerAccount, $"Controlled drug register left unsigned ({Guid.NewGuid():N})", ["Did not countersign the register"], "Medication"));
        var tasks = scope.ServiceProvider.GetRequiredService<ListTasksHandler>();
        var complete = scope.ServiceProvider.GetRequiredService<CompleteTaskHandler>();
        foreach (var answer in new[] { "No", "No", "No", "No", "No" })
        {
            var task = (await tasks.HandleAsync(new ListTasksQuery(concernId))).Single();
            await complete.HandleAsync(new CompleteTaskCommand(task.TaskId, DemoSeeder.LineManagerAccount, answer));
        }

        return (concernId, (await tasks.HandleAsync(new ListTasksQuery(concernId))).Single().TaskId);
    }

    private async Task<UseCaseException?> ChooseFormalAsync(Guid taskId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<CompleteTaskHandler>().HandleAsync(new CompleteTaskCommand(taskId, DemoSeeder.CommissioningAccount,
                "FormalInvestigation", "Repeated unsigned registers put the controlled-drug audit trail at risk.",
                "A conversation has already been tried and the register is a legal record.", Conflict: ConflictOfInterest.None));
            return null;
        }
        catch (UseCaseException refused)
        {
            return refused;
        }
    }

    private async Task<List<string>> CareEventsAsync(Guid concernId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        string[] care = [LogEventTypes.WellbeingSupportRecorded, LogEventTypes.WellbeingCheckInRecorded, LogEventTypes.AmbassadorInvited,
            LogEventTypes.AmbassadorObservationsRecorded, LogEventTypes.FormalInvestigationStarted];
        return await scope.ServiceProvider.GetRequiredService<JustCultureDbContext>().DecisionLog.AsNoTracking()
            .Where(e => e.ConcernId == concernId && care.Contains(e.EventType)).OrderBy(e => e.EntryId).Select(e => e.EventType).ToListAsync();
    }

    private static async Task FillDateAsync(BrowserSession session, string name, DateOnly date)
    {
        await session.Page.Locator($"#{name}Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await session.Page.Locator($"#{name}Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await session.Page.Locator($"#{name}Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static Task ClickAsync(BrowserSession session, string button) =>
        session.ClickAndWaitForPageAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));

    [BrowserFact]
    public async Task RecordsWellbeingAndAmbassadorBeforeTheFormalRouteGivenABmeCase()
    {
        var (concernId, reviewTask) = await BmeCaseAtReviewAsync();
        var today = UkDates.UkDateOf(DateTime.UtcNow);
        await using var reviewer = await browser.NewSessionAsync("journey-care", _baseAddress);
        await reviewer.SignInAsync(Caller.CommissioningManager);

        // Wellbeing: refused beside each field with nothing written, then recorded.
        (await reviewer.GotoAsync($"/Review/Case/{concernId}")).ShouldBe(200);
        (await reviewer.Page.Locator("#wellbeing-none").IsVisibleAsync()).ShouldBeTrue();
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator("#wellbeing-record-link"));
        (await reviewer.Page.Locator("h1").InnerTextAsync()).ShouldBe("The person's wellbeing");
        await ClickAsync(reviewer, "Record the contact and support");
        var errors = await reviewer.Page.Locator(".nhsuk-error-summary").InnerTextAsync();
        errors.ShouldContain("Enter the wellbeing contact's name");
        errors.ShouldContain("Record at least one kind of support offered");
        errors.ShouldContain("Enter when the next check-in is due");
        (await reviewer.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await reviewer.ScreenshotAsync("wellbeing-refused");
        (await CareEventsAsync(concernId)).ShouldBeEmpty("a refused form writes nothing");

        await reviewer.Page.GetByLabel("Wellbeing contact").FillAsync("Sam Patel, matron");
        await reviewer.Page.GetByLabel("Occupational health").CheckAsync();
        await reviewer.Page.GetByLabel("A union or staff network contact").CheckAsync();
        await FillDateAsync(reviewer, "NextDue", today.AddDays(7));
        await ClickAsync(reviewer, "Record the contact and support");
        (await reviewer.Page.Locator("#confirmation").InnerTextAsync()).ShouldContain("The wellbeing contact and support offered have been recorded.");
        (await reviewer.Page.Locator("#wellbeing-support").InnerTextAsync()).ShouldBe("Occupational health, union or staff network contact");

        await FillDateAsync(reviewer, "HeldOn", today);
        await reviewer.Page.GetByLabel("Who held it?").FillAsync("Sam Patel, matron");
        await reviewer.Page.Locator("#CheckInNotes").FillAsync("Worried about the register audit; reassured about timescales.");
        await FillDateAsync(reviewer, "CheckInNextDue", today.AddDays(14));
        await ClickAsync(reviewer, "Record the check-in");
        (await reviewer.Page.Locator("#confirmation").InnerTextAsync()).ShouldContain("The check-in has been recorded.");
        (await reviewer.Page.Locator("#wellbeing-check-ins").InnerTextAsync()).ShouldContain("Worried about the register audit");
        (await reviewer.Page.Locator("#wellbeing-next").InnerTextAsync()).ShouldContain(UkDates.Date(today.AddDays(14)));
        (await reviewer.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        (await reviewer.HorizontalOverflowAtAsync(375)).ShouldBeNull("the wellbeing page reflows at 375 px");
        await reviewer.ScreenshotAsync("wellbeing-recorded-375px");

        // The ambassador rule holds the formal route until the observations are in.
        var refused = await ChooseFormalAsync(reviewTask);
        refused.ShouldNotBeNull();
        refused.FieldProblems.ShouldContain(p => p.Field == "Ambassador");
        (await reviewer.GotoAsync($"/Review/Case/{concernId}")).ShouldBe(200);
        (await reviewer.Page.Locator("#wellbeing-summary").InnerTextAsync()).ShouldContain("Sam Patel, matron");
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator("#ambassador-link"));
        await ClickAsync(reviewer, "Invite to the review");
        (await reviewer.Page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("Choose an ambassador from the trust's list");
        await reviewer.Page.GetByLabel(Ambassador).CheckAsync();
        await ClickAsync(reviewer, "Invite to the review");
        (await reviewer.Page.Locator("#ambassador-name").InnerTextAsync()).ShouldBe(Ambassador);
        (await ChooseFormalAsync(reviewTask)).ShouldNotBeNull("invited is not enough: the observations must be recorded");
        await reviewer.Page.GetByLabel("The ambassador's observations").FillAsync("The checklist was applied as it would be to anyone; the person was not offered a companion at the first meeting.");
        await ClickAsync(reviewer, "Record the observations");
        (await reviewer.Page.Locator("#ambassador-observations").InnerTextAsync()).ShouldContain("not offered a companion");
        (await reviewer.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await reviewer.ScreenshotAsync("ambassador-recorded");
        (await ChooseFormalAsync(reviewTask)).ShouldBeNull();

        (await CareEventsAsync(concernId)).ShouldBe([LogEventTypes.WellbeingSupportRecorded, LogEventTypes.WellbeingCheckInRecorded,
            LogEventTypes.AmbassadorInvited, LogEventTypes.AmbassadorObservationsRecorded, LogEventTypes.FormalInvestigationStarted]);

        // The line manager, a party to the case, sees the wellbeing in brief and nothing to change; an auditor cannot open it.
        await using var manager = await browser.NewSessionAsync("journey-care-manager", _baseAddress);
        await manager.SignInAsync(Caller.LineManager);
        (await manager.GotoAsync($"/Concerns/Details/{concernId}")).ShouldBe(200);
        (await manager.Page.Locator("#wellbeing-summary").InnerTextAsync()).ShouldContain("Sam Patel, matron");
        (await manager.Page.Locator("#wellbeing-record-link").CountAsync()).ShouldBe(0);
        await using var auditor = await browser.NewSessionAsync("journey-care-auditor", _baseAddress);
        await auditor.SignInAsync(Caller.Auditor);
        await auditor.GotoAsync($"/Review/Care/Wellbeing/{concernId}");
        auditor.Page.Url.ShouldContain("/Account/AccessDenied");
    }

    [BrowserFact]
    public async Task OffersTheSurveyOnceAndShowsItsAnswerWithheldGivenAClosedCase()
    {
        // A case of its own, closed with no further action (the demo's closed cases have all been offered the survey).
        var (closed, reviewTask) = await BmeCaseAtReviewAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var done = await scope.ServiceProvider.GetRequiredService<CompleteTaskHandler>().HandleAsync(new CompleteTaskCommand(reviewTask, DemoSeeder.CommissioningAccount,
                "NoFurtherAction", "The register was countersigned the same day; nothing further is needed.", Conflict: ConflictOfInterest.None));
            done.ConcernStatus.ShouldBe(ConcernStatus.Closed);
        }

        await using var reviewer = await browser.NewSessionAsync("journey-care-survey", _baseAddress);
        await reviewer.SignInAsync(Caller.CommissioningManager);
        (await reviewer.GotoAsync($"/Review/Case/{closed}")).ShouldBe(200);
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator("#survey-link-page"));
        await ClickAsync(reviewer, "Make the person's survey link");
        var link = await reviewer.Page.Locator("#survey-link").InnerTextAsync();
        link.ShouldStartWith($"{_baseAddress}Survey/");
        (await reviewer.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await reviewer.ScreenshotAsync("survey-link");

        // Shown once: the page says it was offered, and never shows the link again.
        (await reviewer.GotoAsync($"/Review/Care/Survey/{closed}")).ShouldBe(200);
        (await reviewer.Page.Locator("#survey-offered").IsVisibleAsync()).ShouldBeTrue();
        (await reviewer.Page.ContentAsync()).ShouldNotContain(link);

        await using var person = await browser.NewSessionAsync("journey-care-person", _baseAddress);
        (await person.GotoAsync(new Uri(link).PathAndQuery)).ShouldBe(200);
        await person.Page.Locator("#TreatedFairly-Agree").CheckAsync();
        await person.Page.Locator("#ListenedTo-Agree").CheckAsync();
        await person.Page.Locator("#SameAsWhiteColleague-Disagree").CheckAsync();
        await person.ClickAndWaitForPageAsync(person.Page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }));
        (await person.Page.Locator("#survey-thanks").IsVisibleAsync()).ShouldBeTrue();

        await using var auditor = await browser.NewSessionAsync("journey-care-results", _baseAddress);
        await auditor.SignInAsync(Caller.Auditor);
        (await auditor.GotoAsync("/Audit/Reports")).ShouldBe(200);
        await auditor.ClickAndWaitForPageAsync(auditor.Page.GetByRole(AriaRole.Link, new() { Name = "Fairness survey results by group", Exact = false }));
        // The answer counts in this year's BME column: fewer than five are shown as "<5" and nothing else.
        var year = Domain.Reporting.ReportingYear.Containing(DateTime.UtcNow);
        int bmeAnswers;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            bmeAnswers = await scope.ServiceProvider.GetRequiredService<JustCultureDbContext>().FairnessSurveyResponses
                .CountAsync(r => r.ReportingYearStart == year.StartYear && r.WresGroup == WresGroup.Bme);
        }

        var table = auditor.Page.Locator($"#survey-{year.ToString().Replace('/', '-')}");
        var shown = (await table.Locator("tr[data-row='responses'] td[data-group='Bme']").InnerTextAsync()).Trim();
        var treatedFairly = (await table.Locator("tr[data-row='TreatedFairly'] td[data-group='Bme']").InnerTextAsync()).Trim();
        if (bmeAnswers < 5)
        {
            shown.ShouldBe("<5");
            treatedFairly.ShouldBe("withheld");
        }
        else
        {
            shown.ShouldBe(bmeAnswers.ToString(CultureInfo.InvariantCulture));
            treatedFairly.ShouldEndWith("%");
        }

        (await auditor.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await auditor.ScreenshotAsync("survey-results");
    }
}
