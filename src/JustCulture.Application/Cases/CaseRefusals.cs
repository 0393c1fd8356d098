using JustCulture.Application.Common;
using JustCulture.Workflows;

namespace JustCulture.Application.Cases;

/// <summary>The one mapping from the workflow runtime's refusals to the product's error vocabulary.</summary>
internal static class CaseRefusals
{
    public static UseCaseException From(WorkflowResumeException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return refused.Reason switch
        {
            ResumeRejection.WrongRole => UseCaseException.Forbidden(refused.Message),
            ResumeRejection.BookmarkNotFound or ResumeRejection.InstanceNotSuspended or ResumeRejection.DefinitionMismatch =>
                UseCaseException.Conflict("This task is no longer open: the case has moved on. Reload it to see where it is now."),
            ResumeRejection.AnswerNotAllowed => UseCaseException.RuleViolated(refused.Message, "Answer"),
            ResumeRejection.RationaleRequired => UseCaseException.RuleViolated("Give the rationale for this decision.", "Rationale"),
            ResumeRejection.StatementRequired => UseCaseException.RuleViolated("Say why informal resolution is not appropriate.", "InformalNotAppropriate"),
            _ => UseCaseException.RuleViolated(refused.Message),
        };
    }

    public static UseCaseException TaskCompleted() =>
        UseCaseException.Conflict("This task was already completed: the case has moved on. Reload it to see where it is now.");

    public static UseCaseException Stale(int current, int expected) =>
        UseCaseException.Conflict($"This action has moved on since your page was built (version {current}, your page showed version {expected}). Reload it to see what changed.");

    public static UseCaseException NotFound(CaseTarget target) =>
        UseCaseException.NotFound(target.TaskId is { } task ? $"Unknown task {task}." : $"Unknown concern {target.ConcernId}.");
}
