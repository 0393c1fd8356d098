namespace JustCulture.Workflows;

/// <summary>A definition file (or a folder of them) is invalid. <see cref="Errors"/> lists every problem found,
/// each naming the file and, where there is one, the activity id.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    public WorkflowDefinitionException(IReadOnlyList<string> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }

    private static string BuildMessage(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? $"Invalid workflow definition: {errors[0]}"
            : $"Invalid workflow definition ({errors.Count} errors):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors);
    }
}

/// <summary>Why a resume was refused.</summary>
public enum ResumeRejection
{
    BookmarkNotFound,
    InstanceNotSuspended,
    DefinitionMismatch,
    WrongRole,
    AnswerNotAllowed,
    RationaleRequired,
    StatementRequired,
    TimerNotDue,
}

/// <summary>A resume was refused; nothing changed. <see cref="Reason"/> says why.</summary>
public sealed class WorkflowResumeException : Exception
{
    public WorkflowResumeException(ResumeRejection reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public ResumeRejection Reason { get; }
}

/// <summary>A run could not continue: a loop of non-blocking activities exceeded the step bound, or a
/// decision's condition could not be evaluated (missing or non-boolean variable).</summary>
public sealed class WorkflowExecutionException : Exception
{
    public WorkflowExecutionException(string message)
        : base(message)
    {
    }
}
