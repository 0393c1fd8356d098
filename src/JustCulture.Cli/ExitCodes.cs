using JustCulture.Application.Common;

namespace JustCulture.Cli;

/// <summary>Exit codes, so scripts can tell a refused request from a broken log or a crash.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The decision log failed verification, or an unexpected error.</summary>
    public const int Failed = 1;
    public const int Invalid = 2;
    public const int NotFound = 3;
    public const int Forbidden = 4;
    public const int Conflict = 5;
    public const int RuleViolated = 6;

    public static int For(UseCaseError error) => error switch
    {
        UseCaseError.Invalid => Invalid,
        UseCaseError.NotFound => NotFound,
        UseCaseError.Forbidden => Forbidden,
        UseCaseError.Conflict => Conflict,
        UseCaseError.RuleViolated => RuleViolated,
        UseCaseError.LogBroken => Failed,
        _ => Failed,
    };
}
