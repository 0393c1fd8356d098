namespace JustCulture.Application.Common;

/// <summary>How a refused request should be reported: the web maps these to HTTP status codes, the CLI to exit codes.</summary>
public enum UseCaseError
{
    /// <summary>Malformed input (400).</summary>
    Invalid,
    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
    /// <summary>Unknown id (404).</summary>
    NotFound,
    /// <summary>Stale or already completed (409).</summary>
    Conflict,
    /// <summary>A business rule was broken (422).</summary>
    RuleViolated,
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

    public static UseCaseException InvalidFields(IReadOnlyList<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var messages = problems.Select(p => p.Message).ToList();
        return new(UseCaseError.Invalid, string.Join(" ", messages), messages) { FieldProblems = problems };
    }

    public static UseCaseException NotFound(string message) => new(UseCaseError.NotFound, message);

    public static UseCaseException Forbidden(string message) => new(UseCaseError.Forbidden, message);

    public static UseCaseException Conflict(string message) => new(UseCaseError.Conflict, message);

    public static UseCaseException Invalid(string message, IReadOnlyList<string>? details = null) => new(UseCaseError.Invalid, message, details);

    public static UseCaseException RuleViolated(string message) => new(UseCaseError.RuleViolated, message);
}
