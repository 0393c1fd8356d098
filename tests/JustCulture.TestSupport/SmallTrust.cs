using JustCulture.Domain.Users;

namespace JustCulture.TestSupport;

/// <summary>
/// A small trust every test can reason about by hand:
/// line manager LM1 (staff M001) manages S001–S004; line manager LM2 (M002) manages S005;
/// commissioning managers CM1 (H001) and CM2 (H002) in HR; CMLM is a commissioning manager who is also
/// X001, the executive above every manager (so not independent for anyone below); CMSUBJ is a commissioning
/// manager whose own record is S004. A staff record is linked to at most one account.
/// </summary>
public static class SmallTrust
{
    public const string LineManager = "lm1";
    public const string OtherLineManager = "lm2";
    public const string Reviewer = "cm1";
    public const string OtherReviewer = "cm2";
    public const string ReviewerWhoManagesSubject = "cmlm";
    public const string ReviewerWhoIsSubject = "cmsubj";
    public const string Auditor = "aud1";
    public const string Administrator = "adm1";

    public const string Csv = """
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

    public static async Task SeedAsync(TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.ImportStaffAsync(Csv);
        await app.AddUserAsync(LineManager, nameof(Role.LineManager), "M001");
        await app.AddUserAsync(OtherLineManager, nameof(Role.LineManager), "M002");
        await app.AddUserAsync(Reviewer, nameof(Role.CommissioningManager), "H001");
        await app.AddUserAsync(OtherReviewer, nameof(Role.CommissioningManager), "H002");
        await app.AddUserAsync(ReviewerWhoManagesSubject, nameof(Role.CommissioningManager), "X001");
        await app.AddUserAsync(ReviewerWhoIsSubject, nameof(Role.CommissioningManager), "S004");
        await app.AddUserAsync(Auditor, nameof(Role.Auditor), "A001");
        await app.AddUserAsync(Administrator, nameof(Role.Administrator), null);
    }

    /// <summary>Checklist answers (1a onward) that reach each outcome.</summary>
    public static IReadOnlyList<string> PathTo(char outcome) => outcome switch
    {
        'A' => ["Yes"],
        'B' => ["No", "Yes"],
        'C' => ["No", "No", "Yes"],
        'D' => ["No", "No", "No", "No", "No"],
        'E' => ["No", "No", "No", "No", "Yes", "Yes", "Yes", "Yes"],
        'F' => ["No", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "No", "Yes"],
        'G' => ["No", "No", "No", "No", "Yes", "Yes", "Yes", "No", "No", "No", "No"],
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
