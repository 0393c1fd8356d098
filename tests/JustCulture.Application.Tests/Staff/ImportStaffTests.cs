using JustCulture.Application.Common;
using JustCulture.Application.Staff;
using JustCulture.Domain.Ethnicity;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Staff;

public sealed class ImportStaffTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(TestProvider.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<ImportStaffResult> ImportAsync(string csv, string year = "2024-25", bool wholeWorkforce = false)
    {
        var reader = new StringReader(csv);
        return _app.RunAsync<ImportStaffHandler, ImportStaffResult>(h => h.HandleAsync(new ImportStaffCommand(reader, "staff.csv", year, new Actor("ops", "Operator"), wholeWorkforce)));
    }

    [Fact]
    public async Task StoresStaffAndSnapshotWithDerivedGroupsGivenValidFile()
    {
        var result = await ImportAsync(SmallTrust.Csv);

        result.Imported.ShouldBe(11);
        (result.White, result.Bme, result.NotStated).ShouldBe((5, 4, 2)); // counted by hand from SmallTrust.Csv
        var s002 = await _app.QueryAsync(db => db.Staff.SingleAsync(s => s.StaffRef == "S002"));
        s002.EthnicCode.ShouldBe("N");
        s002.WresGroup.ShouldBe(WresGroup.Bme);
        (await _app.QueryAsync(db => db.Staff.SingleAsync(s => s.StaffRef == "S005"))).WresGroup.ShouldBe(WresGroup.White);
        (await _app.QueryAsync(db => db.HeadcountSnapshots.CountAsync(h => h.Year == "2024-25"))).ShouldBe(11);
    }

    [Fact]
    public async Task ImportsNothingAndListsEveryBadRowGivenSeveralBadRows()
    {
        var csv = SmallTrust.Csv + """

            B001,,A,Band 5,Nursing,Medicine,2020-01-01,M001
            B002,Bad Code,X,Band 5,Nursing,Medicine,2020-01-01,M001
            B003,Bad Date,A,Band 5,Nursing,Medicine,2020-13-45,M001
            B004,Unknown Manager,A,Band 5,Nursing,Medicine,2020-01-01,NOBODY
            """;

        var refusal = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(csv));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.Details.ShouldContain(d => d.Contains("line 13", StringComparison.Ordinal) && d.Contains("Name", StringComparison.Ordinal));
        refusal.Details.ShouldContain(d => d.Contains("line 14", StringComparison.Ordinal) && d.Contains("EthnicCode", StringComparison.Ordinal));
        refusal.Details.ShouldContain(d => d.Contains("line 15", StringComparison.Ordinal) && d.Contains("StartDate", StringComparison.Ordinal));
        (await _app.QueryAsync(db => db.Staff.CountAsync())).ShouldBe(0);
        (await _app.QueryAsync(db => db.DecisionLog.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task RefusesUnknownLineManagerWithLineAndFieldGivenOtherwiseValidFile()
    {
        var csv = SmallTrust.Csv + "\nB004,Unknown Manager,A,Band 5,Nursing,Medicine,2020-01-01,NOBODY\n";

        var refusal = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(csv));

        // Keyed to the file input: the summary first, then the one bad row.
        refusal.FieldProblems.ShouldAllBe(p => p.Field == nameof(ImportStaffCommand.Csv));
        refusal.FieldProblems[0].Message.ShouldBe("staff.csv: 1 problem(s); nothing was imported.");
        refusal.FieldProblems.Skip(1).ShouldHaveSingleItem().Message.ShouldContain("line 13, field LineManagerRef");
        (await _app.QueryAsync(db => db.Staff.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task ReplacesThatYearsSnapshotOnlyGivenReimport()
    {
        await ImportAsync(SmallTrust.Csv, "2023-24");
        await ImportAsync(SmallTrust.Csv, "2024-25");
        var smaller = string.Join('\n', SmallTrust.Csv.Split('\n').Take(4));

        await ImportAsync(smaller, "2024-25", wholeWorkforce: true);

        (await _app.QueryAsync(db => db.HeadcountSnapshots.CountAsync(h => h.Year == "2024-25"))).ShouldBe(3);
        (await _app.QueryAsync(db => db.HeadcountSnapshots.CountAsync(h => h.Year == "2023-24"))).ShouldBe(11);
        (await _app.QueryAsync(db => db.Staff.CountAsync())).ShouldBe(11, "people missing from a later file are kept: they may be subjects of past cases");
    }

    [Fact]
    public async Task RefusesGivenMalformedYear()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(SmallTrust.Csv, "2024/25"));
        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.Message.ShouldContain("YYYY-YY");
    }

    [Theory]
    [InlineData("0000-01", "the first year must be from 2000 to 2100")]
    [InlineData("9999-00", "the first year must be from 2000 to 2100")]
    [InlineData("2024-26", "the second part must be 25, the year after 2024")]
    public async Task RefusesYearKeyedToYearAndStoresNothingGivenImpossibleYear(string year, string reason)
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(SmallTrust.Csv, year));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.FieldProblems.ShouldHaveSingleItem().ShouldBe(new FieldProblem(nameof(ImportStaffCommand.Year),
            $"year: '{year}' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 ({reason})."));
        (await _app.QueryAsync(db => db.HeadcountSnapshots.CountAsync())).ShouldBe(0);
        (await _app.QueryAsync(db => db.Staff.CountAsync())).ShouldBe(0);
    }
}
