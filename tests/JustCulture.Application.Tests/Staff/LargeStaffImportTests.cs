using System.Globalization;
using System.Text;
using JustCulture.Application.Common;
using JustCulture.Application.Staff;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Staff;

/// <summary>
/// A file far over SQLite's 32,766 variables in one statement imports in one transaction: read from a file as it
/// is parsed, looked up and written in chunks. Re-importing it updates everyone and keeps the snapshot it replaces.
/// </summary>
public sealed class LargeStaffImportTests : IAsyncLifetime
{
    private const int Rows = 100_000;
    private const string Year = "2025-26";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"jc-staff-{Guid.NewGuid():N}.csv");
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(TestProvider.Sqlite);
        await File.WriteAllTextAsync(_file, Generate(Rows));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(_file);
    }

    /// <summary>Teams of sixteen under one director: every line manager is in the file.</summary>
    private static string Generate(int rows)
    {
        var csv = new StringBuilder(StaffCsvParser.Header).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            var manager = i == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"L{1 + ((i - 2) / 16):000000}");
            var code = (i % 10) switch { 0 => "", < 4 => "H", _ => "A" };
            csv.Append(CultureInfo.InvariantCulture, $"L{i:000000},Person {i},{code},Band 5,Nursing and Midwifery Registered,Medicine,2019-09-02,{manager}\n");
        }

        return csv.ToString();
    }

    private Task<ImportStaffResult> ImportAsync()
    {
        return _app.RunAsync<ImportStaffHandler, ImportStaffResult>(async h =>
        {
            using var reader = new StreamReader(_file);
            return await h.HandleAsync(new ImportStaffCommand(reader, "large.csv", Year, new Actor("test", "Operator")));
        });
    }

    [Fact]
    public async Task ImportsAHundredThousandRowsThenReplacesThemGivenSqlite()
    {
        var first = await ImportAsync();

        first.Imported.ShouldBe(Rows);
        first.Added.ShouldBe(Rows);
        (first.White + first.Bme + first.NotStated).ShouldBe(Rows);
        first.NotStated.ShouldBe(Rows / 10);
        (await _app.QueryAsync(db => db.Staff.CountAsync())).ShouldBe(Rows);
        (await _app.QueryAsync(db => db.HeadcountSnapshots.CountAsync(h => h.Year == Year))).ShouldBe(Rows);
        // Person 100,000's manager is L006250, whose manager is L000391, then L000025, L000002, L000001.
        (await _app.QueryAsync(db => db.Staff.Where(s => s.StaffRef == "L100000").Select(s => s.ManagerChain).SingleAsync()))
            .ShouldBe(Domain.Staff.LineManagementChain.Format(["L006250", "L000391", "L000025", "L000002", "L000001"]));

        var again = await ImportAsync();

        again.Updated.ShouldBe(Rows);
        again.ReplacedSnapshotId.ShouldBe(first.SnapshotId);
        (await _app.QueryAsync(db => db.ArchivedHeadcountEntries.CountAsync())).ShouldBe(Rows);
        (await _app.QueryAsync(db => db.HeadcountSnapshots.CountAsync(h => h.Year == Year))).ShouldBe(Rows);
    }

    [Fact]
    public async Task ImportsNothingAndNamesTheLineGivenOneBadRowAtTheEnd()
    {
        await File.AppendAllTextAsync(_file, "L999999,Late Starter,A,Band 5,Nursing and Midwifery Registered,Medicine,2999-01-01,L000001\n");

        var refusal = await Should.ThrowAsync<UseCaseException>(ImportAsync);

        refusal.FieldProblems.ShouldContain(p => p.Message.Contains($"large.csv line {Rows + 2}, field StartDate", StringComparison.Ordinal));
        (await _app.QueryAsync(db => db.Staff.CountAsync())).ShouldBe(0);
        (await _app.QueryAsync(db => db.HeadcountSnapshots.CountAsync())).ShouldBe(0);
    }
}
