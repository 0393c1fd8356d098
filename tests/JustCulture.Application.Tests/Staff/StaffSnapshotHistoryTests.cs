using JustCulture.Application.Common;
using JustCulture.Application.Staff;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Staff;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Staff;

/// <summary>Preview before import, history kept on replacement, the big-drop guard, ESR headings and local
/// ethnic sub-codes — on both providers.</summary>
public abstract class StaffSnapshotHistoryTests : IAsyncLifetime
{
    private const string Year = "2024-25";

    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(Provider);

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<StaffImportPreview> PreviewAsync(string csv, string year = Year) =>
        App.RunAsync<PreviewStaffImportHandler, StaffImportPreview>(h => h.HandleAsync(new PreviewStaffImportQuery(csv, "staff.csv", year)));

    private Task<ImportStaffResult> ImportAsync(string csv, bool wholeWorkforce = false, PreviewedImport? previewed = null, string actor = "adm1", string year = Year)
    {
        var reader = new StringReader(csv);
        return App.RunAsync<ImportStaffHandler, ImportStaffResult>(h =>
            h.HandleAsync(new ImportStaffCommand(reader, "staff.csv", year, new Actor(actor, "Administrator"), wholeWorkforce, previewed)));
    }

    private static string FirstLines(int count) => string.Join('\n', SmallTrust.Csv.Split('\n').Take(count + 1));

    /// <summary>SmallTrust with S001 moved to band 6 and line manager M002, S003 renamed, A001 gone, and one new person.</summary>
    private static string Changed() => SmallTrust.Csv
        .Replace("S001,Staff One,A,Band 5,Nursing and Midwifery Registered,Medicine,2020-01-06,M001", "S001,Staff One,A,Band 6,Nursing and Midwifery Registered,Medicine,2020-01-06,M002", StringComparison.Ordinal)
        .Replace("S003,Staff Three,H,", "S003,Staff Three-Smith,H,", StringComparison.Ordinal)
        .Replace("A001,Auditor One,99,Band 8a,Administrative and Clerical,Corporate,2017-01-05,X001", "N001,New Person,C3,Band 4,Administrative and Clerical,Corporate,2025-01-06,X001", StringComparison.Ordinal);

    [Fact]
    public async Task CountsNewChangedLeaversAndGroupsAndWritesNothingGivenPreviewOfChangedFile()
    {
        await ImportAsync(SmallTrust.Csv);
        var logBefore = await App.QueryAsync(db => db.DecisionLog.CountAsync());

        var preview = await PreviewAsync(Changed());

        (preview.Rows, preview.NewPeople, preview.ChangedPeople, preview.UnchangedPeople, preview.Leavers).ShouldBe((11, 1, 2, 8, 1));
        preview.ChangedFields.ShouldBe([new FieldChangeCount(StaffRecordField.Name, 1), new FieldChangeCount(StaffRecordField.Band, 1), new FieldChangeCount(StaffRecordField.LineManager, 1)]);
        preview.Before.ShouldBe(new WresCounts(5, 4, 2));
        preview.After.ShouldBe(new WresCounts(6, 4, 1)); // A001 (99) left, N001 (C3) joined
        preview.Replaces.ShouldNotBeNull().Rows.ShouldBe(11);
        preview.IsBigDrop.ShouldBeFalse();
        (await App.QueryAsync(db => db.Staff.SingleAsync(s => s.StaffRef == "S001"))).Band.ShouldBe("Band 5");
        (await App.QueryAsync(db => db.Staff.AnyAsync(s => s.StaffRef == "N001"))).ShouldBeFalse();
        (await App.QueryAsync(db => db.DecisionLog.CountAsync())).ShouldBe(logBefore);
        (await App.QueryAsync(db => db.HeadcountSnapshotHistory.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task KeepsReplacedSnapshotWithItsPeopleAndLogsReplacementGivenSecondImport()
    {
        var first = await ImportAsync(SmallTrust.Csv, actor: "adm1");
        App.Clock.UtcNow = App.Clock.UtcNow.AddDays(3);

        var second = await ImportAsync(Changed(), actor: "adm2");

        second.ReplacedSnapshotId.ShouldBe(first.SnapshotId);
        var history = await App.RunAsync<SnapshotHistoryHandler, IReadOnlyList<SnapshotSummary>>(h => h.HandleAsync());
        history.Count.ShouldBe(2);
        history[0].ShouldSatisfyAllConditions(
            s => s.Id.ShouldBe(second.SnapshotId),
            s => s.IsCurrent.ShouldBeTrue(),
            s => s.ImportedBy.ShouldBe("adm2"),
            s => s.Groups.ShouldBe(new WresCounts(6, 4, 1)));
        history[1].ShouldSatisfyAllConditions(
            s => s.Id.ShouldBe(first.SnapshotId),
            s => s.IsCurrent.ShouldBeFalse(),
            s => s.ReplacedAtUtc.ShouldBe(App.Clock.UtcNow),
            s => s.ImportedBy.ShouldBe("adm1"),
            s => s.Rows.ShouldBe(11));
        var archived = await App.QueryAsync(db => db.ArchivedHeadcountEntries.Where(a => a.SnapshotId == first.SnapshotId).ToListAsync());
        archived.Count.ShouldBe(11);
        archived.ShouldContain(a => a.StaffRef == "A001" && a.EthnicCode == "99");
        // Reports read the current snapshot only.
        var current = await App.QueryAsync(db => db.HeadcountSnapshots.Where(h => h.Year == Year).Select(h => h.StaffRef).ToListAsync());
        current.ShouldContain("N001");
        current.ShouldNotContain("A001");
        var log = await App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == LogEventTypes.StaffImported).OrderBy(e => e.EntryId).ToListAsync());
        log.Count.ShouldBe(2);
        log[1].Answer.ShouldNotBeNull().ShouldStartWith("11 staff: 6 White, 4 BME, 1 not stated; replaces the snapshot imported ");
        log[1].Answer!.ShouldContain("(11 staff: 5 White, 4 BME, 2 not stated), kept in the snapshot history");
    }

    [Fact]
    public async Task RefusesAndKeepsCurrentSnapshotGivenDropOfMoreThanAFifthUnconfirmed()
    {
        await ImportAsync(SmallTrust.Csv);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(FirstLines(4)));

        refusal.Error.ShouldBe(UseCaseError.RuleViolated);
        refusal.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe(nameof(ImportStaffCommand.WholeWorkforceConfirmed));
        refusal.Message.ShouldContain("4 people, 64% fewer than the 11");
        (await App.QueryAsync(db => db.HeadcountSnapshots.CountAsync(h => h.Year == Year))).ShouldBe(11);
        (await App.QueryAsync(db => db.HeadcountSnapshotHistory.CountAsync())).ShouldBe(1);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.StaffImported))).ShouldBe(1);
    }

    [Fact]
    public async Task ImportsAndLogsConfirmationGivenBigDropConfirmedAsWholeWorkforce()
    {
        await ImportAsync(SmallTrust.Csv);

        var result = await ImportAsync(FirstLines(4), wholeWorkforce: true);

        result.Imported.ShouldBe(4);
        (await App.QueryAsync(db => db.HeadcountSnapshots.CountAsync(h => h.Year == Year))).ShouldBe(4);
        var answer = await App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == LogEventTypes.StaffImported).OrderByDescending(e => e.EntryId).Select(e => e.Answer).FirstAsync());
        answer.ShouldNotBeNull().ShouldEndWith("; headcount drop of 64% confirmed as the whole workforce");
    }

    [Theory]
    [InlineData(9, false)] // 2 of 11 fewer: 18%
    [InlineData(8, true)] // 3 of 11 fewer: 27%
    public async Task NeedsConfirmationOnlyGivenDropOverTwentyPercent(int rows, bool needed)
    {
        await ImportAsync(SmallTrust.Csv);

        (await PreviewAsync(FirstLines(rows))).IsBigDrop.ShouldBe(needed);
    }

    [Fact]
    public async Task NeedsNoConfirmationGivenFirstSnapshotOfYear()
    {
        await ImportAsync(SmallTrust.Csv, year: "2023-24");

        var preview = await PreviewAsync(FirstLines(2));

        preview.IsBigDrop.ShouldBeFalse();
        preview.Replaces.ShouldBeNull();
        (await ImportAsync(FirstLines(2))).Imported.ShouldBe(2);
    }

    [Fact]
    public async Task ImportsExactlyThePreviewedFileGivenMatchingPreview()
    {
        await ImportAsync(SmallTrust.Csv);
        var preview = await PreviewAsync(Changed());

        await ImportAsync(Changed(), previewed: PreviewedImport.Of(preview));

        (await App.QueryAsync(db => db.Staff.SingleAsync(s => s.StaffRef == "S001"))).Band.ShouldBe("Band 6");
    }

    [Fact]
    public async Task RefusesAndWritesNothingGivenFileChangedSincePreview()
    {
        await ImportAsync(SmallTrust.Csv);
        var preview = await PreviewAsync(Changed());

        var refusal = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(Changed() + "\nN002,Late Addition,A,Band 2,Estates and Ancillary,Corporate,2024-01-01,X001", previewed: PreviewedImport.Of(preview)));

        refusal.Error.ShouldBe(UseCaseError.Conflict);
        refusal.Message.ShouldContain("not the file that was previewed");
        (await App.QueryAsync(db => db.Staff.AnyAsync(s => s.StaffRef == "N001" || s.StaffRef == "N002"))).ShouldBeFalse();
        (await App.QueryAsync(db => db.HeadcountSnapshotHistory.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task RefusesGivenAnotherImportOfTheYearSincePreview()
    {
        await ImportAsync(SmallTrust.Csv);
        var preview = await PreviewAsync(Changed());
        await ImportAsync(SmallTrust.Csv);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(Changed(), previewed: PreviewedImport.Of(preview)));

        refusal.Error.ShouldBe(UseCaseError.Conflict);
        refusal.Message.ShouldContain("Another staff file was imported for 2024-25 after this preview");
    }

    [Fact]
    public async Task ReadsEsrHeadingsInAnyOrderAndIgnoresOtherColumnsGivenEsrStyleFile()
    {
        const string esr = """
            Assignment Number,Employee Number,Last Name,First Name,Position Title,ETHNIC ORIGIN,pay_band,Staff Group,Organisation,Latest Start Date,Supervisor Employee Number
            E1-1,E1,Boss,Big,Director,"A - White British",Band 9,Administrative and Clerical,Corporate,01-Apr-2001,
            E2-1,E2,Okafor,Grace,Staff Nurse,"NA Black Nigerian",Band 5,Nursing and Midwifery Registered,Medicine,2/9/2019,E1
            """;

        var preview = await PreviewAsync(esr);
        await ImportAsync(esr);

        preview.ColumnsRead.ShouldContain(new StaffColumnReading("StaffRef", "Employee Number"));
        preview.ColumnsRead.ShouldContain(new StaffColumnReading("Name", "First Name and Last Name"));
        preview.ColumnsRead.ShouldContain(new StaffColumnReading("Directorate", "Organisation"));
        preview.ColumnsIgnored.ShouldBe(["Assignment Number", "Position Title"]);
        var grace = await App.QueryAsync(db => db.Staff.SingleAsync(s => s.StaffRef == "E2"));
        (grace.Name, grace.EthnicCode, grace.WresGroup, grace.Band, grace.StartDate, grace.LineManagerRef)
            .ShouldBe(("Grace Okafor", "NA", WresGroup.Bme, "Band 5", new DateOnly(2019, 9, 2), "E1"));
        (await App.QueryAsync(db => db.Staff.SingleAsync(s => s.StaffRef == "E1"))).StartDate.ShouldBe(new DateOnly(2001, 4, 1));
    }

    [Fact]
    public async Task NamesFileLineAndEsrHeadingGivenBadSubCodeInEsrFile()
    {
        const string esr = """
            Employee Number,Full Name,Ethnic Origin,Pay Band,Staff Group,Organisation,Start Date,Supervisor Employee Number
            E1,Big Boss,Q1 Something,Band 9,Administrative and Clerical,Corporate,2001-04-01,
            """;

        var refusal = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(esr));

        refusal.FieldProblems[1].Message.ShouldStartWith("staff.csv line 2, field Ethnic Origin: 'Q1' is not an NHS ethnic category code");
        (await App.QueryAsync(db => db.Staff.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("staff-demo.csv")]
    [InlineData("staff-esr-export.csv")]
    public async Task PutsEveryPersonInTheirWresGroupGivenSampleFile(string sample)
    {
        var path = Path.Combine(RepositoryPaths.RepoRoot, "samples", sample);
        var csv = await File.ReadAllTextAsync(path);

        var result = await ImportAsync(csv);

        (result.Imported, result.White, result.Bme, result.NotStated).ShouldBe((StaffSamples.People, StaffSamples.White, StaffSamples.Bme, StaffSamples.NotStated));
        var recorded = SampleCodes(csv);
        var stored = await App.QueryAsync(db => db.Staff.ToDictionaryAsync(s => s.StaffRef));
        foreach (var (staffRef, code) in recorded)
        {
            stored[staffRef].WresGroup.ShouldBe(StaffSamples.ExpectedGroup(code), $"{sample}: {staffRef} recorded as '{code}'");
            stored[staffRef].EthnicCode.ShouldBe(code.Split([' ', ':'], 2)[0], $"{sample}: {staffRef} keeps its code as given");
        }
    }

    /// <summary>Staff ref and recorded ethnic value of each row, read with the shared CSV reader (values may be quoted).</summary>
    private static List<(string StaffRef, string Code)> SampleCodes(string csv)
    {
        var table = JustCulture.Application.Csv.CsvImportReader.ReadTable(new StringReader(csv), "sample");
        var refAt = table.Header.ToList().FindIndex(h => h is "StaffRef" or "Employee Number");
        var codeAt = table.Header.ToList().FindIndex(h => h is "EthnicCode" or "Ethnic Origin");
        return [.. table.Rows.Select(r => (r.Fields[refAt], r.Fields[codeAt]))];
    }
}

public sealed class SqliteStaffSnapshotHistoryTests : StaffSnapshotHistoryTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresStaffSnapshotHistoryTests : StaffSnapshotHistoryTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
