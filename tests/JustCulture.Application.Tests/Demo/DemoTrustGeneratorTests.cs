using JustCulture.Application.Demo;
using JustCulture.Application.Staff;
using JustCulture.Domain.Ethnicity;

namespace JustCulture.Application.Tests.Demo;

public class DemoTrustGeneratorTests
{
    private static readonly DemoTrust Trust = DemoTrustGenerator.Generate();

    [Fact]
    public void GeneratesRequestedHeadcountWithUniqueRefsGivenDefaults()
    {
        Trust.Staff.Count.ShouldBe(1700);
        Trust.Staff.Select(s => s.StaffRef).Distinct(StringComparer.Ordinal).Count().ShouldBe(1700);
        Trust.Staff[0].StaffRef.ShouldBe("E00001");
        Trust.Staff.ShouldAllBe(s => s.StaffRef.Length == 6 && s.StaffRef.StartsWith('E'));
    }

    [Fact]
    public void ProducesSameTrustGivenSameSeed()
    {
        var again = DemoTrustGenerator.Generate();

        again.Staff.ShouldBe(Trust.Staff);
        again.LineManagerRefs.ShouldBe(Trust.LineManagerRefs);
        again.SeniorRefs.ShouldBe(Trust.SeniorRefs);
    }

    [Fact]
    public void ProducesDifferentTrustGivenDifferentSeed()
    {
        var other = DemoTrustGenerator.Generate(seed: 7);

        other.Staff.Select(s => s.Name).ShouldNotBe(Trust.Staff.Select(s => s.Name));
    }

    [Fact]
    public void HonoursStaffCountGivenSmallTrust()
    {
        var small = DemoTrustGenerator.Generate(staffCount: 60);

        small.Staff.Count.ShouldBe(60);
        small.Staff.Select(s => s.Directorate).Distinct().Count().ShouldBe(7);
    }

    [Fact]
    public void RejectsStaffCountGivenTooFewForTheStructure()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DemoTrustGenerator.Generate(staffCount: 5));
    }

    [Fact]
    public void BuildsManagementChainGivenTeamsHeadsAndExecutives()
    {
        var byRef = Trust.Staff.ToDictionary(s => s.StaffRef, StringComparer.Ordinal);

        foreach (var managerRef in Trust.LineManagerRefs)
        {
            var manager = byRef[managerRef];
            manager.Band.ShouldBeOneOf("Band 7", "Band 8a");
            var head = byRef[manager.LineManagerRef.ShouldNotBeNull()];
            head.Band.ShouldBeOneOf("Band 8b", "Band 8c", "Band 8d", "Band 9");
            head.Directorate.ShouldBe(manager.Directorate);
            var executive = byRef[head.LineManagerRef.ShouldNotBeNull()];
            executive.LineManagerRef.ShouldBeNull();
            Trust.SeniorRefs.ShouldContain(head.StaffRef);
            Trust.SeniorRefs.ShouldContain(executive.StaffRef);
        }

        var managers = Trust.LineManagerRefs.ToHashSet(StringComparer.Ordinal);
        var seniors = Trust.SeniorRefs.ToHashSet(StringComparer.Ordinal);
        var frontLine = Trust.Staff.Where(s => !managers.Contains(s.StaffRef) && !seniors.Contains(s.StaffRef)).ToList();
        frontLine.Count.ShouldBeGreaterThan(1500);
        frontLine.ShouldAllBe(s => s.LineManagerRef != null && managers.Contains(s.LineManagerRef));
        Trust.LineManagerRefs.Count.ShouldBeInRange(80, 120);
    }

    [Fact]
    public void UsesExpectedDirectoratesGivenDefaults()
    {
        Trust.Staff.Select(s => s.Directorate).Distinct().Order(StringComparer.Ordinal).ShouldBe(
        [
            "Community Services", "Corporate", "Estates and Facilities", "Medicine", "Mental Health", "Surgery", "Women and Children",
        ]);
    }

    [Fact]
    public void GivesBandsFittingStaffGroupGivenEsrGroups()
    {
        Trust.Staff.Select(s => s.StaffGroup).Distinct().Count().ShouldBe(8);
        Trust.Staff.Where(s => s.StaffGroup == DemoTrustGenerator.MedicalAndDental).ShouldAllBe(s => s.Band == "Medical");
        Trust.Staff.Where(s => s.StaffGroup != DemoTrustGenerator.MedicalAndDental)
            .ShouldAllBe(s => s.Band.StartsWith("Band ", StringComparison.Ordinal));
        Trust.Staff.Where(s => s.StaffGroup == DemoTrustGenerator.NursingAndMidwifery && s.LineManagerRef != null)
            .ShouldAllBe(s => s.Band != "Band 2" && s.Band != "Band 3" && s.Band != "Band 4");
        Trust.Staff.Where(s => s.StaffGroup == DemoTrustGenerator.AdditionalClinicalServices)
            .ShouldAllBe(s => s.Band == "Band 2" || s.Band == "Band 3" || s.Band == "Band 4" || s.Band == "Band 7" || s.Band == "Band 8a");
    }

    [Fact]
    public void SpreadsStartDatesOverThirtyYearsGivenDefaultAsAt()
    {
        var asAt = DemoTrustGenerator.DefaultAsAt;

        Trust.Staff.ShouldAllBe(s => s.StartDate <= asAt && s.StartDate >= asAt.AddYears(-31));
        Trust.Staff.Min(s => s.StartDate).ShouldBeLessThan(asAt.AddYears(-20));
        Trust.Staff.Count(s => s.StartDate > asAt.AddYears(-3)).ShouldBeGreaterThan(200);
    }

    [Fact]
    public void HonoursAsAtGivenExplicitDate()
    {
        var asAt = new DateOnly(2020, 3, 31);

        DemoTrustGenerator.Generate(asAt: asAt).Staff.Max(s => s.StartDate).ShouldBeLessThanOrEqualTo(asAt);
    }

    [Fact]
    public void MatchesEnglishTrustEthnicMixGivenDefaults()
    {
        double Share(Func<string, bool> codes) => Trust.Staff.Count(s => codes(s.EthnicCode.Code)) / (double)Trust.Staff.Count;

        Share(c => c == "A").ShouldBeInRange(0.55, 0.65);
        Share(c => c.StartsWith('C')).ShouldBeInRange(0.05, 0.11);
        Share(c => c is "H" or "J" or "K" or "L").ShouldBeInRange(0.09, 0.15);
        Share(c => c is "M" or "N" or "P").ShouldBeInRange(0.065, 0.115);
        Share(c => c is "Z" or "99").ShouldBeInRange(0.02, 0.065);
        Trust.Staff.Select(s => s.EthnicCode.WresGroup).Distinct().Count().ShouldBe(3);
        Trust.Staff.ShouldContain(s => s.EthnicCode.Code.Length == 2 && s.EthnicCode.Code[0] == 'C');
    }

    [Fact]
    public void WritesSomeCodesWithDescriptionsGivenCsv()
    {
        var lines = DemoTrustGenerator.ToCsv(Trust.Staff).Split("\r\n");

        lines.ShouldContain(l => l.Contains(",CP White - Polish,", StringComparison.Ordinal)
            || l.Contains(",CK White - Italian,", StringComparison.Ordinal)
            || l.Contains(",CF White - Greek,", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains(",N,", StringComparison.Ordinal));
    }

    [Fact]
    public void DrawsVariedNamesGivenDefaults()
    {
        Trust.Staff.Select(s => s.Name).Distinct().Count().ShouldBeGreaterThan(1000);
        Trust.Staff.ShouldAllBe(s => s.Name.Contains(' '));
    }

    [Fact]
    public void RoundTripsThroughParserGivenGeneratedTrust()
    {
        var csv = DemoTrustGenerator.ToCsv(Trust.Staff);

        var parsed = StaffCsvParser.Parse(new StringReader(csv), "demo.csv", DemoTrustGenerator.DefaultAsAt);

        parsed.Errors.ShouldBeEmpty();
        parsed.Rows.ShouldBe(Trust.Staff);
    }

    [Fact]
    public void QuotesFieldsGivenCommasAndQuotes()
    {
        var tricky = Trust.Staff[10] with { Name = "O'Neill, \"Mo\"", Directorate = "Women, Children", EthnicCode = EthnicCode.NotRecorded };

        var csv = DemoTrustGenerator.ToCsv([tricky]);

        csv.ShouldContain("\"O'Neill, \"\"Mo\"\"\"");
        csv.ShouldContain("\"Women, Children\"");
        var parsed = StaffCsvParser.Parse(new StringReader(csv), "tricky.csv", DemoTrustGenerator.DefaultAsAt);
        parsed.Errors.ShouldBeEmpty();
        parsed.Rows.ShouldHaveSingleItem().ShouldBe(tricky);
    }
}
