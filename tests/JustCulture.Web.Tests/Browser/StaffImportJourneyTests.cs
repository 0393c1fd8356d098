using JustCulture.Persistence;
using JustCulture.TestSupport;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// An administrator uploads the staff file, checks the preview, confirms and sees the history; then uploads part of
/// the workforce and is stopped until they tick "This file is the whole workforce". Screenshots of every step are in
/// TestResults/screenshots/staff-import-*.png; axe checks each new page.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class StaffImportJourneyTests(BrowserFixture browser)
{
    /// <summary>A year the demo trust has no snapshot for, so the journey starts from nothing.</summary>
    private const string Year = "2033-34";

    [BrowserFact]
    public async Task StopsPartialFileUntilWholeWorkforceTickedGivenFullFileImportedFirst()
    {
        var full = OwnRefs(await File.ReadAllTextAsync(StaffSamples.DemoPath));
        var partial = string.Join('\n', full.Split('\n').Take(11)); // the header and 10 of 40 people
        await using var admin = await browser.NewSessionAsync("staff-import");
        await admin.SignInAsync(Caller.Administrator);

        // Upload the whole workforce: the preview shows the file against no snapshot, and nothing is imported yet.
        await UploadAsync(admin, "staff-full.csv", full);
        admin.Page.Url.ShouldContain("/Admin/StaffImportPreview");
        var preview = await admin.Page.Locator("main").InnerTextAsync();
        preview.ShouldContain("Check the staff file before importing it");
        (await admin.Page.Locator("#preview-new").InnerTextAsync()).Trim().ShouldBe(StaffSamples.People.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var groups = await admin.Page.Locator("#preview-groups").InnerTextAsync();
        groups.ShouldContain($"White\t0\t{StaffSamples.White}");
        groups.ShouldContain($"BME\t0\t{StaffSamples.Bme}");
        groups.ShouldNotContain("NotStated");
        (await CountAsync(db => db.HeadcountSnapshotHistory.Count(h => h.Year == Year))).ShouldBe(0, "the preview writes nothing");
        await admin.ScreenshotAsync("preview");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }));
        admin.Page.Url.ShouldContain("/Admin/StaffImport?imported=");
        (await admin.Page.Locator("#imported").InnerTextAsync()).ShouldContain($"40 staff from staff-full.csv are now the {Year} headcount snapshot");
        var history = await admin.Page.Locator("#snapshot-history").InnerTextAsync();
        history.ShouldContain($"{Year}\t");
        history.ShouldContain("staff-full.csv");
        history.ShouldContain("UK time");
        await admin.ScreenshotAsync("imported-history");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        // Part of the workforce: a 75% drop is stopped until the box is ticked.
        await UploadAsync(admin, "staff-partial.csv", partial);
        (await admin.Page.Locator("#big-drop").InnerTextAsync()).ShouldContain("The headcount drops by 75%");
        (await admin.Page.Locator("#preview-leavers").InnerTextAsync()).Trim().ShouldBe("30");
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }));
        (await admin.Page.TitleAsync()).ShouldStartWith("Error: ");
        (await admin.Page.Locator("#WholeWorkforce-error").InnerTextAsync()).ShouldContain("The file has 10 people, 75% fewer than the 40 in the current 2033-34 snapshot");
        (await admin.Page.Locator(".nhsuk-error-summary a[href='#WholeWorkforce']").CountAsync()).ShouldBe(1);
        (await CountAsync(db => db.HeadcountSnapshots.Count(h => h.Year == Year))).ShouldBe(40, "the refused confirm wrote nothing");
        await admin.ScreenshotAsync("big-drop-refused");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        await admin.Page.GetByLabel("This file is the whole workforce").CheckAsync();
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import" }));
        admin.Page.Url.ShouldContain("/Admin/StaffImport?imported=");
        var rows = admin.Page.Locator("#snapshot-history tbody tr", new() { HasText = Year });
        (await rows.CountAsync()).ShouldBe(2);
        (await rows.Nth(0).InnerTextAsync()).ShouldContain("Current");
        (await rows.Nth(1).InnerTextAsync()).ShouldContain("Replaced");
        await admin.ScreenshotAsync("replaced-history");
    }

    private async Task<int> CountAsync(Func<JustCultureDbContext, int> count)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        return count(scope.ServiceProvider.GetRequiredService<JustCultureDbContext>());
    }

    private static async Task UploadAsync(BrowserSession admin, string fileName, string csv)
    {
        (await admin.GotoAsync("/Admin/StaffImport")).ShouldBe(200);
        await admin.Page.GetByLabel("Reporting year").FillAsync(Year);
        await admin.Page.GetByLabel("Staff CSV file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }));
    }

    /// <summary>The sample with staff refs of its own, so the shared demo database's people are not touched.</summary>
    private static string OwnRefs(string csv) => string.Join('\n', csv.Split('\n').Select((line, index) =>
    {
        if (index == 0 || line.Length == 0)
        {
            return line;
        }

        var fields = line.Split(',');
        fields[0] = "BJ" + fields[0];
        fields[^1] = fields[^1].Length == 0 ? string.Empty : "BJ" + fields[^1];
        return string.Join(',', fields);
    }));
}
