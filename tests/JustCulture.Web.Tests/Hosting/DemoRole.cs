using JustCulture.Application.Demo;

namespace JustCulture.Web.Tests.Hosting;

/// <summary>Who makes a request: one of the four roles (as its demo account), or nobody.</summary>
public enum Caller
{
    Anonymous,
    LineManager,
    CommissioningManager,
    Auditor,
    Administrator,
}

public static class Callers
{
    public static IReadOnlyList<Caller> All { get; } = Enum.GetValues<Caller>();

    public static IReadOnlyList<Caller> Roles { get; } = All.Where(c => c != Caller.Anonymous).ToList();

    /// <summary>The demo account that signs in for a role.</summary>
    public static string DemoAccount(this Caller caller) => caller switch
    {
        Caller.LineManager => DemoSeeder.LineManagerAccount,
        Caller.CommissioningManager => DemoSeeder.CommissioningAccount,
        Caller.Auditor => DemoSeeder.AuditorAccount,
        Caller.Administrator => DemoSeeder.AdministratorAccount,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "Anonymous callers have no account."),
    };
}
