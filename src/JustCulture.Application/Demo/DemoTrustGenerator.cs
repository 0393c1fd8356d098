using System.Globalization;
using System.Text;
using JustCulture.Application.Staff;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Staff;

namespace JustCulture.Application.Demo;

/// <summary>A synthetic trust's workforce.</summary>
/// <param name="Staff">Everyone, executives first, then each directorate's head, team managers and team members.</param>
/// <param name="LineManagerRefs">Team managers (Band 7 / 8a): the people who raise concerns about their own staff.</param>
/// <param name="SeniorRefs">Executives and directorate heads (Band 8b–9): candidates for commissioning managers.</param>
public sealed record DemoTrust(IReadOnlyList<StaffDetails> Staff, IReadOnlyList<string> LineManagerRefs, IReadOnlyList<string> SeniorRefs);

/// <summary>
/// Builds a realistic but entirely fictional NHS trust for demonstrations and load tests: directorates,
/// teams with line managers, ESR staff groups with fitting Agenda for Change bands, thirty years of start
/// dates and an ethnic mix like an English acute/community trust. The same seed always gives the same trust.
/// Names are drawn independently of ethnicity, so a name never hints at the recorded ethnic code.
/// </summary>
public static class DemoTrustGenerator
{
    public const string NursingAndMidwifery = "Nursing and Midwifery Registered";
    public const string MedicalAndDental = "Medical and Dental";
    public const string AlliedHealthProfessionals = "Allied Health Professionals";
    public const string AdditionalClinicalServices = "Additional Clinical Services";
    public const string AdministrativeAndClerical = "Administrative and Clerical";
    public const string EstatesAndAncillary = "Estates and Ancillary";
    public const string HealthcareScientists = "Healthcare Scientists";
    public const string AdditionalProfessionalScientificAndTechnical = "Additional Professional Scientific and Technical";

    public const string MedicalBand = "Medical";

    /// <summary>The default "as at" date: the 31 March snapshot of the 2024-25 reporting year.</summary>
    public static readonly DateOnly DefaultAsAt = new(2025, 3, 31);

    private const int TeamSize = 16;

    private static readonly (string Name, double Share, string ManagerGroup, (string Group, double Weight)[] Mix)[] Directorates =
    [
        ("Medicine", 0.24, NursingAndMidwifery,
        [
            (NursingAndMidwifery, 38), (MedicalAndDental, 16), (AdditionalClinicalServices, 24), (AlliedHealthProfessionals, 7),
            (AdministrativeAndClerical, 10), (HealthcareScientists, 3), (AdditionalProfessionalScientificAndTechnical, 2),
        ]),
        ("Surgery", 0.19, NursingAndMidwifery,
        [
            (NursingAndMidwifery, 36), (MedicalAndDental, 18), (AdditionalClinicalServices, 22), (AlliedHealthProfessionals, 6),
            (AdministrativeAndClerical, 10), (AdditionalProfessionalScientificAndTechnical, 6), (HealthcareScientists, 2),
        ]),
        ("Women and Children", 0.13, NursingAndMidwifery,
        [
            (NursingAndMidwifery, 45), (MedicalAndDental, 14), (AdditionalClinicalServices, 22), (AlliedHealthProfessionals, 5),
            (AdministrativeAndClerical, 11), (HealthcareScientists, 3),
        ]),
        ("Community Services", 0.13, AlliedHealthProfessionals,
        [
            (NursingAndMidwifery, 35), (AlliedHealthProfessionals, 22), (AdditionalClinicalServices, 24), (MedicalAndDental, 3),
            (AdministrativeAndClerical, 14), (AdditionalProfessionalScientificAndTechnical, 2),
        ]),
        ("Mental Health", 0.10, NursingAndMidwifery,
        [
            (NursingAndMidwifery, 34), (AdditionalClinicalServices, 30), (MedicalAndDental, 7), (AlliedHealthProfessionals, 8),
            (AdditionalProfessionalScientificAndTechnical, 9), (AdministrativeAndClerical, 12),
        ]),
        ("Estates and Facilities", 0.09, EstatesAndAncillary,
        [
            (EstatesAndAncillary, 82), (AdministrativeAndClerical, 14), (AdditionalProfessionalScientificAndTechnical, 4),
        ]),
        ("Corporate", 0.12, AdministrativeAndClerical,
        [
            (AdministrativeAndClerical, 88), (AdditionalProfessionalScientificAndTechnical, 7), (NursingAndMidwifery, 3),
            (HealthcareScientists, 2),
        ]),
    ];

    // Team members' bands by staff group (managers and heads are banded separately).
    private static readonly Dictionary<string, (string Band, double Weight)[]> MemberBands = new(StringComparer.Ordinal)
    {
        [NursingAndMidwifery] = [("Band 5", 58), ("Band 6", 32), ("Band 7", 10)],
        [MedicalAndDental] = [(MedicalBand, 1)],
        [AlliedHealthProfessionals] = [("Band 5", 30), ("Band 6", 45), ("Band 7", 25)],
        [AdditionalClinicalServices] = [("Band 2", 22), ("Band 3", 48), ("Band 4", 30)],
        [AdministrativeAndClerical] = [("Band 2", 16), ("Band 3", 36), ("Band 4", 26), ("Band 5", 12), ("Band 6", 7), ("Band 7", 3)],
        [EstatesAndAncillary] = [("Band 2", 58), ("Band 3", 25), ("Band 4", 11), ("Band 5", 4), ("Band 6", 2)],
        [HealthcareScientists] = [("Band 5", 25), ("Band 6", 38), ("Band 7", 37)],
        [AdditionalProfessionalScientificAndTechnical] = [("Band 4", 18), ("Band 5", 27), ("Band 6", 32), ("Band 7", 23)],
    };

    // Roughly the mix of an English trust's ESR records (percent), split across the codes of each group.
    private static readonly (string Code, double Weight)[] EthnicMix =
    [
        ("A", 60.0), ("B", 1.5), ("C", 8.0),
        ("D", 0.8), ("E", 0.5), ("F", 0.7), ("G", 0.5),
        ("H", 5.5), ("J", 2.5), ("K", 1.0), ("L", 3.0),
        ("M", 2.0), ("N", 6.0), ("P", 1.0),
        ("R", 0.8), ("S", 2.0), ("Z", 3.5), ("99", 0.7),
    ];

    // Local sub-codes of "any other White background", recorded with their own descriptions.
    private static readonly string[] WhiteOtherSubCodes =
    [
        "CP White - Polish", "CK White - Italian", "CF White - Greek", "CY White - Other European", "CQ White - Former USSR",
    ];

    private static readonly string[] GivenNames =
    [
        "Amelia", "Oliver", "Priya", "Kwame", "Siobhan", "Mohammed", "Chen", "Olusegun", "Agnieszka", "Rhys",
        "Fatima", "Daniel", "Aisha", "Tomasz", "Grace", "Rajesh", "Niamh", "Yusuf", "Mei", "Chidi",
        "Sophie", "Arjun", "Bethany", "Kofi", "Eilidh", "Hassan", "Lucia", "Thabo", "Hannah", "Sanjay",
        "Joanna", "Emeka", "Charlotte", "Imran", "Ewa", "Marcus", "Nkechi", "Liam", "Anjali", "Dylan",
        "Zainab", "Gareth", "Precious", "Rohan", "Catriona", "Tariq", "Ana", "Femi", "Jessica", "Vikram",
        "Sinead", "Abdul", "Ioana", "Samuel", "Leila", "Callum", "Adaeze", "Wei", "Megan", "Nasreen",
    ];

    private static readonly string[] FamilyNames =
    [
        "Thornbury", "Okafor", "Patel-Reed", "Lindqvist", "Mensah", "Ashworth", "Nakamura", "O'Driscoll", "Kowalczyk", "Haddad",
        "Penhallow", "Adeyemi", "Chaudhry", "Fairbairn", "Wiśniewski", "Balogun", "Llewellyn", "Rahman", "Castellano", "Mbeki-Stone",
        "Greenhalgh", "Osei", "Varga", "MacLennan", "Iqbal", "Delacroix", "Achterberg", "Nwosu", "Pemberton", "Srinivasan",
        "Quennell", "Zhou", "Abernethy", "Demir", "Halloran", "Ferreira", "Oyelaran", "Whitcombe", "Kapoor", "Rossiter",
        "Yeboah", "Marchetti", "Tregaskis", "Bhattacharya", "Lindgren", "Ogunleye", "Carrow", "Novak", "Sheikh", "Blackwood",
    ];

    private static readonly string[] ExecutiveTitles = ["Chief Executive", "Chief Operating Officer", "Chief Nurse", "Medical Director"];

    public static DemoTrust Generate(int seed = 2025, int staffCount = 1700, DateOnly? asAt = null)
    {
        var minimum = ExecutiveTitles.Length + (Directorates.Length * 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(staffCount, minimum);
        var builder = new TrustBuilder(seed, asAt ?? DefaultAsAt);
        return builder.Build(staffCount);
    }

    /// <summary>Writes staff in the import format read by <see cref="StaffCsvParser"/>, quoting where needed.</summary>
    public static string ToCsv(IEnumerable<StaffDetails> staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var csv = new StringBuilder();
        csv.Append(StaffCsvParser.Header).Append("\r\n");
        foreach (var s in staff)
        {
            string[] fields =
            [
                s.StaffRef, s.Name, EthnicCodeText(s.EthnicCode), s.Band, s.StaffGroup, s.Directorate,
                s.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.LineManagerRef ?? string.Empty,
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The code alone when its description is the standard one, otherwise code and recorded description.</summary>
    private static string EthnicCodeText(EthnicCode code)
    {
        if (code.Code.Length == 0)
        {
            return string.Empty;
        }

        var standard = EthnicCode.Parse(code.Code);
        return string.Equals(standard.Description, code.Description, StringComparison.Ordinal) ? code.Code : code.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private sealed class TrustBuilder(int seed, DateOnly asAt)
    {
#pragma warning disable CA5394 // Synthetic demo data: a seeded, repeatable generator is the point, not secrecy.
        private readonly Random _random = new(seed);
        private readonly List<StaffDetails> _staff = [];
        private readonly List<string> _lineManagers = [];
        private readonly List<string> _seniors = [];

        public DemoTrust Build(int staffCount)
        {
            var executives = ExecutiveTitles.Select((_, i) => Add(
                i == 2 ? NursingAndMidwifery : i == 3 ? MedicalAndDental : AdministrativeAndClerical,
                i == 3 ? MedicalBand : "Band 9", "Corporate", lineManager: null, minYears: 5)).ToList();
            _seniors.AddRange(executives);

            var perDirectorate = Allocate(staffCount - executives.Count);
            for (var d = 0; d < Directorates.Length; d++)
            {
                var directorate = Directorates[d];
                // Clinical directorates report to the chief operating officer, the rest to the chief executive.
                var executive = directorate.Name is "Estates and Facilities" or "Corporate" ? executives[0] : executives[1];
                var headBand = Pick([("Band 8b", 2.0), ("Band 8c", 3.0), ("Band 8d", 2.0), ("Band 9", 1.0)]);
                var head = Add(directorate.ManagerGroup, headBand, directorate.Name, executive, minYears: 4);
                _seniors.Add(head);

                var remaining = perDirectorate[d] - 1;
                var teams = Math.Max(1, (int)Math.Round(remaining / (double)(TeamSize + 1)));
                var members = remaining - teams;
                for (var t = 0; t < teams; t++)
                {
                    var managerGroup = t % 4 == 3 ? Pick(directorate.Mix.Where(m => m.Group != MedicalAndDental).ToArray()) : directorate.ManagerGroup;
                    var manager = Add(managerGroup, _random.NextDouble() < 0.7 ? "Band 7" : "Band 8a", directorate.Name, head, minYears: 2);
                    _lineManagers.Add(manager);
                    var teamMembers = (members / teams) + (t < members % teams ? 1 : 0);
                    for (var m = 0; m < teamMembers; m++)
                    {
                        var group = Pick(directorate.Mix);
                        Add(group, Pick(MemberBands[group]), directorate.Name, manager, minYears: 0);
                    }
                }
            }

            return new DemoTrust(_staff, _lineManagers, _seniors);
        }

        /// <summary>Splits staff across directorates by share (largest remainder), at least two each.</summary>
        private static int[] Allocate(int total)
        {
            var floor = Directorates.Length * 2;
            var spare = total - floor;
            var exact = Directorates.Select(d => d.Share * spare).ToArray();
            var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
            var left = spare - counts.Sum();
            foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(left))
            {
                counts[i]++;
            }

            return counts.Select(c => c + 2).ToArray();
        }

        private string Add(string group, string band, string directorate, string? lineManager, int minYears)
        {
            var staffRef = string.Create(CultureInfo.InvariantCulture, $"E{_staff.Count + 1:00000}");
            var name = $"{GivenNames[_random.Next(GivenNames.Length)]} {FamilyNames[_random.Next(FamilyNames.Length)]}";
            _staff.Add(new StaffDetails(staffRef, name, NextEthnicCode(), band, group, directorate, NextStartDate(minYears), lineManager));
            return staffRef;
        }

        private EthnicCode NextEthnicCode()
        {
            var code = Pick(EthnicMix);
            if (code == "C" && _random.NextDouble() < 0.35)
            {
                return EthnicCode.Parse(WhiteOtherSubCodes[_random.Next(WhiteOtherSubCodes.Length)]);
            }

            // ESR exports often carry the description after the code; both forms must import the same.
            return _random.NextDouble() < 0.4 ? EthnicCode.Parse(EthnicCode.Parse(code).ToString()) : EthnicCode.Parse(code);
        }

        /// <summary>Service lengths skewed to recent starters (turnover), up to 30 years.</summary>
        private DateOnly NextStartDate(int minYears)
        {
            var years = minYears + (-Math.Log(1 - _random.NextDouble()) * 7.0);
            var days = (int)Math.Min(years * 365.25, 30 * 365.25);
            return asAt.AddDays(-days);
        }

        private T Pick<T>((T Value, double Weight)[] choices)
        {
            var roll = _random.NextDouble() * choices.Sum(c => c.Weight);
            foreach (var (value, weight) in choices)
            {
                roll -= weight;
                if (roll < 0)
                {
                    return value;
                }
            }

            return choices[^1].Value;
        }
#pragma warning restore CA5394
    }
}
