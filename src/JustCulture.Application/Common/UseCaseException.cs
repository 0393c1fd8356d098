namespace JustCulture.Application.Common;

/// <summary>How a refused request should be reported: the web maps these to HTTP status codes and problem
/// types, the CLI to exit codes. The same situation is the same category on every surface.</summary>
public enum UseCaseError
{
    /// <summary>Malformed input (400).</summary>
    Invalid,
    /// <summary>The caller may not do this (403), including a reviewer who is not independent of the case.</summary>
    Forbidden,
    /// <summary>Unknown id (404).</summary>
    NotFound,
    /// <summary>Stale or already completed (409).</summary>
    Conflict,
    /// <summary>A business rule was broken (422).</summary>
    RuleViolated,
    /// <summary>The decision log failed verification, so nothing computed from it can be trusted (409; the command's exit 1).</summary>
    LogBroken,
}

/// <summary>A problem with one input of a command, named by the command's property (e.g. "ReviewDate").</summary>
public sealed record FieldProblem(string Field, string Message);

public sealed class UseCaseException(UseCaseError error, string message, IReadOnlyList<string>? details = null) : Exception(message)
{
    public UseCaseError Error { get; } = error;

    /// <summary>Per-item problems (e.g. every bad row of an import).</summary>
    public IReadOnlyList<string> Details { get; } = details ?? [];

    /// <summary>The same problems keyed by input, so a form can put each message next to its field.</summary>
    public IReadOnlyList<FieldProblem> FieldProblems { get; private init; } = [];

    public static UseCaseException InvalidFields(IReadOnlyList<FieldProblem> problems) => Fields(UseCaseError.Invalid, problems);

    /// <summary>A refusal of any category about named inputs.</summary>
    public static UseCaseException Fields(UseCaseError error, IReadOnlyList<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var messages = problems.Select(p => p.Message).ToList();
        return new(error, string.Join(" ", messages), messages) { FieldProblems = problems };
    }

    /// <summary>The log failed verification: what was found, and what to do.</summary>
    public static UseCaseException LogBroken(Persistence.DecisionLog.LogVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return new(UseCaseError.LogBroken,
            $"The decision log fails verification: {verification.Problem}. Nothing is computed or proved from it. "
            + "Run the log check (log verify) and restore the log from a trusted copy.");
    }

    /// <summary>The log's data around the entries is inconsistent with them (e.g. a case key destroyed with no erasure on record).</summary>
    public static UseCaseException LogBroken(string problem) =>
        new(UseCaseError.LogBroken, $"The decision log fails verification: {problem}. Nothing is computed or proved from it. "
            + "Run the log check (log verify) and restore the log from a trusted copy.");

    public static UseCaseException NotFound(string message) => new(UseCaseError.NotFound, message);

    public static UseCaseException Forbidden(string message) => new(UseCaseError.Forbidden, message);

    public static UseCaseException Conflict(string message) => new(UseCaseError.Conflict, message);

    public static UseCaseException Invalid(string message, IReadOnlyList<string>? details = null) => new(UseCaseError.Invalid, message, details);

    /// <summary>Malformed input about one named field.</summary>
    public static UseCaseException Invalid(string field, string message) => Fields(UseCaseError.Invalid, [new FieldProblem(field, message)]);

    public static UseCaseException RuleViolated(string message, string? field = null) =>
        field is null ? new(UseCaseError.RuleViolated, message) : Fields(UseCaseError.RuleViolated, [new FieldProblem(field, message)]);
}
