using JustCulture.Application.Reports;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Reports;

/// <summary>
/// A fresh application on the provider under test with the small trust loaded as the 2025-26 headcount
/// (the clock starts on 2 June 2025). Headcount by WRES group: White 5 (X001, M001, S001, S005, H001),
/// BME 4 (M002, S002, S003, H002), not stated 2 (S004 code Z, A001 code 99).
/// </summary>
public abstract class ReportTestBase : IAsyncLifetime
{
    protected const string Year = "2025-26";

    protected abstract TestProvider Provider { get; }

    protected TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(Provider);
        await App.ImportStaffAsync(SmallTrust.Csv, Year);
        await SmallTrust.SeedAsync(App); // also records the same file as the 2024-25 snapshot
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Subjects S001–S004 are managed by lm1; S005 by lm2.</summary>
    protected static string ManagerOf(string subject) => subject == "S005" ? SmallTrust.OtherLineManager : SmallTrust.LineManager;

    /// <summary>Opens a concern and answers its checklist to <paramref name="outcome"/>; the case then awaits review.</summary>
    protected async Task<Guid> ToReviewAsync(string subject, char outcome)
    {
        var concernId = await App.OpenConcernAsync(subject, ManagerOf(subject));
        await App.AnswerChecklistAsync(concernId, ManagerOf(subject), SmallTrust.PathTo(outcome));
        return concernId;
    }

    /// <summary>Takes a concern through the checklist (outcome G unless said) and an independent review to a formal investigation.</summary>
    protected async Task<Guid> FormalAsync(string subject, char outcome = 'G')
    {
        var concernId = await ToReviewAsync(subject, outcome);
        await ReviewAsync(concernId, "FormalInvestigation");
        return concernId;
    }

    protected Task ReviewAsync(Guid concernId, string route) => route == "FormalInvestigation"
        ? App.AnswerNextAsync(concernId, SmallTrust.Reviewer, route, "Serious and repeated; reviewed with HR advice.", "Informal resolution was tried and did not work.")
        : App.AnswerNextAsync(concernId, SmallTrust.Reviewer, route, "Reviewed with HR advice.");

    /// <summary>The whole log as <c>log export</c> writes it (JSON lines with the signed checkpoint).</summary>
    protected async Task<string> ExportAsync()
    {
        await using var writer = new StringWriter();
        await App.RunAsync<JustCulture.Application.Log.ExportLogHandler, long>(h => h.HandleAsync(writer));
        return writer.ToString();
    }

    protected Task<Indicator3Report> Indicator3Async(string year = Year, string basis = "single") =>
        App.RunAsync<Indicator3ReportHandler, Indicator3Report>(h => h.HandleAsync(new Indicator3Query(year, basis)));

    protected Task<FunnelReport> FunnelAsync(string year = Year) =>
        App.RunAsync<FunnelReportHandler, FunnelReport>(h => h.HandleAsync(new FunnelQuery(year)));

    /// <summary>Sets the clock to a UK local time (Europe/London), so tests read as the calendar a trust uses.</summary>
    protected void AtUkTime(int year, int month, int day, int hour, int minute)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        App.Clock.UtcNow = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), london);
    }
}
