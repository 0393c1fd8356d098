using JustCulture.Domain.Users;

namespace JustCulture.Benchmarks;

/// <summary>
/// The staff file and accounts of the benchmark's trust, shaped like the tests' small trust: line manager
/// lm1 (staff M001) manages S001–S004; commissioning manager cm1 (H001, HR) is independent of that team.
/// </summary>
internal static class BenchTrust
{
    public const string LineManager = "lm1";
    public const string Reviewer = "cm1";
    public const string Year = "2024-25";

    public static readonly string[] Subjects = ["S001", "S002", "S003", "S004"];

    public const string StaffCsv = """
        StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef
        X001,Executive One,A,Band 9,Administrative and Clerical,Corporate,2001-04-01,
        M001,Manager One,A,Band 7,Nursing and Midwifery Registered,Medicine,2010-05-01,X001
        M002,Manager Two,N,Band 7,Nursing and Midwifery Registered,Surgery,2012-05-01,X001
        S001,Staff One,A,Band 5,Nursing and Midwifery Registered,Medicine,2020-01-06,M001
        S002,Staff Two,"N Black or Black British - African",Band 5,Nursing and Midwifery Registered,Medicine,2021-03-01,M001
        S003,Staff Three,H,Band 6,Nursing and Midwifery Registered,Medicine,2019-09-01,M001
        S004,Staff Four,Z,Band 3,Additional Clinical Services,Medicine,2022-02-14,M001
        S005,Staff Five,C2,Band 5,Nursing and Midwifery Registered,Surgery,2018-07-01,M002
        H001,Reviewer One,B,Band 8a,Administrative and Clerical,Corporate,2015-01-05,X001
        H002,Reviewer Two,M,Band 8a,Administrative and Clerical,Corporate,2016-01-05,X001
        A001,Auditor One,99,Band 8a,Administrative and Clerical,Corporate,2017-01-05,X001
        """;

    public static readonly (string UserId, Role Role, string? StaffRef)[] Users =
    [
        (LineManager, Role.LineManager, "M001"),
        ("lm2", Role.LineManager, "M002"),
        (Reviewer, Role.CommissioningManager, "H001"),
        ("cm2", Role.CommissioningManager, "H002"),
        ("aud1", Role.Auditor, "A001"),
        ("adm1", Role.Administrator, null),
    ];

    /// <summary>Checklist answers 1a, 2a, 2b, 2c, 3a all "No": outcome D, then the commissioning review.</summary>
    public static readonly string[] PathToOutcomeD = ["No", "No", "No", "No", "No"];
}
