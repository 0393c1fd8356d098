using JustCulture.Application.Reports;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Tests.Reports;

/// <summary>
/// Reports resolve each case's subject once — an opened staff ref, or an erased case's pseudonym and frozen group —
/// so the figures of a year do not move when the personal data behind them is erased (docs/decisions/0009-forgetting-without-breaking-the-record.md).
/// Pure: the calculators on hand-made entries, no database.
/// </summary>
public class ErasedSubjectsTests
{
    private static readonly ReportingYear Year = new(2024);
    private static readonly ReportingYear Previous = Year.Previous;

    private static ReportPerson Person(string staffRef, WresGroup group, string band = "Band 5") =>
        new(staffRef, group, band, "Nursing and Midwifery Registered", "Medicine", new DateOnly(2019, 4, 1));

    /// <summary>
    /// B1 enters twice in the year (two cases), B2 once, W1 once, W2 in both years; L1 (BME) left before 31 March, so
    /// is absent from the year's snapshot and counted from the staff record; U1 is in no staff record.
    /// </summary>
    private static (List<DecisionLogEntry> Log, StaffPopulation Population, Dictionary<Guid, string> Subjects) Trust()
    {
        var snapshot = new List<ReportPerson> { Person("B1", WresGroup.Bme), Person("B2", WresGroup.Bme, "Band 6"), Person("W1", WresGroup.White), Person("W2", WresGroup.White) };
        snapshot.AddRange(Enumerable.Range(1, 40).Select(i => Person($"WX{i}", WresGroup.White)));
        snapshot.AddRange(Enumerable.Range(1, 20).Select(i => Person($"BX{i}", WresGroup.Bme)));
        var records = snapshot.Append(Person("L1", WresGroup.Bme)).ToList();
        var population = new StaffPopulation(new Dictionary<ReportingYear, IReadOnlyList<ReportPerson>> { [Year] = snapshot, [Previous] = snapshot }, records);

        var log = new List<DecisionLogEntry>();
        var subjects = new Dictionary<Guid, string>();
        long id = 1;
        void Case(string staffRef, ReportingYear year, bool formal)
        {
            var concern = Guid.NewGuid();
            subjects[concern] = staffRef;
            var at = year.StartUtc.AddDays(20 + id);
            DecisionLogEntry Entry(string type, string? answer = null) => new()
            {
                EntryId = id++,
                EventType = type,
                ConcernId = concern,
                WorkflowInstanceId = concern,
                SubjectStaffRef = staffRef,
                Answer = answer,
                ActorId = "manager",
                ActorRole = "LineManager",
                OccurredAtUtc = at,
            };
            log.Add(Entry(LogEventTypes.ConcernOpened));
            log.Add(Entry(LogEventTypes.OutcomeRecorded, formal ? "G" : "E"));
            log.Add(Entry(LogEventTypes.ReviewDecided, formal ? "Formal" : "Informal"));
            if (formal)
            {
                log.Add(Entry(LogEventTypes.FormalInvestigationStarted));
            }
        }

        Case("B1", Year, formal: true);
        Case("B1", Year, formal: true);
        Case("B2", Year, formal: true);
        Case("W1", Year, formal: true);
        Case("W2", Year, formal: true);
        Case("W2", Previous, formal: true);
        Case("L1", Year, formal: true);
        Case("U1", Year, formal: true);
        Case("WX1", Year, formal: false);
        return (log, population, subjects);
    }

    /// <summary>What the retention run does to the log for <paramref name="erased"/>: their sealed fields can no longer be
    /// opened, and one erasure entry per case records a pseudonym per person and the groups they were counted in.</summary>
    private static (List<DecisionLogEntry> Log, List<DecisionLogEntry> Erasures, HashSet<Guid> Shredded) Erase(
        List<DecisionLogEntry> log, StaffPopulation population, Dictionary<Guid, string> subjects, params string[] erased)
    {
        var shredded = subjects.Where(s => erased.Contains(s.Value)).Select(s => s.Key).ToHashSet();
        var after = log.Select(e => shredded.Contains(e.ConcernId!.Value)
            ? new DecisionLogEntry
            {
                EntryId = e.EntryId, EventType = e.EventType, ConcernId = e.ConcernId, WorkflowInstanceId = e.WorkflowInstanceId,
                SubjectStaffRef = "pd1:AAAA", Answer = e.Answer, ActorId = e.ActorId, ActorRole = e.ActorRole, OccurredAtUtc = e.OccurredAtUtc,
            }
            : e).ToList();
        var erasures = new List<DecisionLogEntry>();
        foreach (var person in erased)
        {
            var pseudonym = $"{CaseSubjects.ErasedPrefix}{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..16]}";
            foreach (var concern in subjects.Where(s => s.Value == person).Select(s => s.Key))
            {
                var years = log.Where(e => e.ConcernId == concern).Select(e => ReportingYear.Containing(e.OccurredAtUtc)).Distinct()
                    .Select(y => (y, population.Find(y, person).Person.Group, population.Find(y, person).Source));
                erasures.Add(new DecisionLogEntry
                {
                    EventType = LogEventTypes.PersonalDataErased,
                    ConcernId = concern,
                    SubjectStaffRef = pseudonym,
                    Answer = CaseSubjects.FormatFrozenGroups(years),
                    ActorId = "admin",
                    ActorRole = "Administrator",
                });
            }
        }

        return (after, erasures, shredded);
    }

    private static ReportInputs Inputs(List<DecisionLogEntry> log, List<DecisionLogEntry> erasures, StaffPopulation population, HashSet<Guid> shredded,
        IReadOnlyDictionary<ReportingYear, IReadOnlyList<ReportPerson>> snapshots, List<ReportPerson> records)
    {
        var resolved = CaseSubjects.Resolve(log, erasures, e =>
        {
            // An erased case is never opened: its key is gone.
            shredded.ShouldNotContain(e.ConcernId!.Value);
            return e.SubjectStaffRef;
        });
        return new ReportInputs(resolved.Counted, new StaffPopulation(snapshots, records, resolved.Frozen), []);
    }

    [Fact]
    public void KeepsIndicator3FiguresAndWarningsGivenPeopleErasedAfterTheyWereCounted()
    {
        var (log, population, subjects) = Trust();
        var (snapshots, records) = Parts(population);
        var before = Indicator3Calculator.Compute(Year, ReportBasis.Rolling, Inputs(log, [], population, [], snapshots, records));

        var (erasedLog, erasures, shredded) = Erase(log, population, subjects, "B1", "W2", "L1", "U1");
        var after = Indicator3Calculator.Compute(Year, ReportBasis.Rolling, Inputs(erasedLog, erasures, population, shredded, snapshots, records));

        // B1's two cases still count once; W2 still enters in both years; L1 still comes from the staff record; U1 is still not stated.
        after.Bme.ShouldBe(before.Bme);
        after.White.ShouldBe(before.White);
        after.NotStated.ShouldBe(before.NotStated);
        after.RelativeLikelihood.ShouldBe(before.RelativeLikelihood);
        after.Ci95.ShouldBe(before.Ci95);
        after.Warnings.ShouldBe(before.Warnings);
        before.Bme.Entering.ShouldBe(3);
        before.Warnings.ShouldContain(w => w.Contains("entered a formal investigation in both", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepsFunnelStagesGivenPeopleErasedButShowsErasedInBreakdowns()
    {
        var (log, population, subjects) = Trust();
        var (snapshots, records) = Parts(population);
        var before = FunnelCalculator.Compute(Year, Inputs(log, [], population, [], snapshots, records));

        var (erasedLog, erasures, shredded) = Erase(log, population, subjects, "B2", "W1");
        var after = FunnelCalculator.Compute(Year, Inputs(erasedLog, erasures, population, shredded, snapshots, records));

        after.Stages.Select(s => (s.Stage, s.White, s.Bme, s.NotStated)).ShouldBe(before.Stages.Select(s => (s.Stage, s.White, s.Bme, s.NotStated)));
        var bands = after.Breakdowns.Single(b => b.Dimension == "band");
        // B2 was the only Band 6 entering: after erasure that entry is counted under "erased", its headcount stays.
        bands.Rows.Single(r => r.Category == "Band 6").Bme.ShouldBe(new GroupFigures(0, 1, 0));
        bands.Rows.Single(r => r.Category == StaffPopulation.ErasedAttribute).Bme.Entering.ShouldBe(1);
        before.Breakdowns.Single(b => b.Dimension == "band").Rows.Single(r => r.Category == "Band 6").Bme.Entering.ShouldBe(1);
        after.Breakdowns.Single(b => b.Dimension == "lengthOfService").Rows.Single(r => r.Category == StaffPopulation.ErasedAttribute).Bme.Entering.ShouldBe(1);
        // Erased people are not mistaken for people of unknown service (U1, in no staff record, is the only one).
        BreakdownRow Unknown(FunnelReport report) => report.Breakdowns.Single(b => b.Dimension == "lengthOfService").Rows.Single(r => r.Category == "Unknown");
        (Unknown(after).White, Unknown(after).Bme, Unknown(after).NotStated).ShouldBe((Unknown(before).White, Unknown(before).Bme, Unknown(before).NotStated));
    }

    [Fact]
    public void RefusesAnErasureEntryWithoutItsPseudonym()
    {
        var erasure = new DecisionLogEntry { EntryId = 7, EventType = LogEventTypes.PersonalDataErased, ConcernId = Guid.NewGuid(), SubjectStaffRef = "B1", Answer = "2024-25=Bme/Snapshot" };

        Should.Throw<FormatException>(() => CaseSubjects.Resolve([], [erasure], e => e.SubjectStaffRef)).Message.ShouldContain("entry 7");
    }

    [Theory]
    [InlineData("2024-25=Purple/Snapshot")]
    [InlineData("2024-25=Bme")]
    [InlineData("24-25=Bme/Snapshot")]
    [InlineData("2024-25=Bme/Guessed")]
    public void RefusesFrozenGroupsThatCannotBeRead(string answer)
    {
        Should.Throw<FormatException>(() => CaseSubjects.ParseFrozenGroups(answer, 9)).Message.ShouldContain("entry 9");
    }

    [Fact]
    public void ReadsBackTheFrozenGroupsItWrites()
    {
        var text = CaseSubjects.FormatFrozenGroups([(Year, WresGroup.Bme, PersonSource.StaffRecord), (Previous, WresGroup.NotStated, PersonSource.Unknown)]);

        text.ShouldBe("2023-24=NotStated/Unknown;2024-25=Bme/StaffRecord");
        CaseSubjects.ParseFrozenGroups(text, 1).ShouldBe(new Dictionary<ReportingYear, (WresGroup, PersonSource)>
        {
            [Previous] = (WresGroup.NotStated, PersonSource.Unknown),
            [Year] = (WresGroup.Bme, PersonSource.StaffRecord),
        });
    }

    private static (IReadOnlyDictionary<ReportingYear, IReadOnlyList<ReportPerson>> Snapshots, List<ReportPerson> Records) Parts(StaffPopulation population)
    {
        var snapshots = new Dictionary<ReportingYear, IReadOnlyList<ReportPerson>>
        {
            [Year] = [.. population.Snapshot(Year)],
            [Previous] = [.. population.Snapshot(Previous)],
        };
        var records = population.Snapshot(Year).Append(population.Find(Year, "L1").Person).ToList();
        return (snapshots, records);
    }
}
