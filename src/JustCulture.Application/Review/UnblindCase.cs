using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Review;

public sealed record UnblindCaseCommand(Guid ConcernId, string ReviewerUserId, string? Reason);

/// <summary>
/// Shows a reviewer the name and ethnicity of the person concerned, for one case. A deliberate act: it
/// needs a reason and is written to the decision log, which is then what lets the case page show them.
/// No action changes, so an open decision form stays current.
/// </summary>
public sealed class UnblindCaseHandler(CaseStep step)
{
    public const int MaxReasonLength = 2000;

    public async Task HandleAsync(UnblindCaseCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.Reason), command.Reason, "the reason for seeing the name and ethnicity of the person concerned",
            MaxReasonLength, required: true, multiline: true);
        InputRules.ThrowIfAny(problems);

        await step.RunAsync(
            new CaseStepRequest(CaseTarget.Case(command.ConcernId), command.ReviewerUserId, CaseAccess.Review),
            onCase => onCase.Log(LogEventTypes.CaseUnblinded, "Show the name and ethnicity of the person concerned", "Unblinded", command.Reason!.Trim()),
            _ => true,
            cancellationToken);
    }
}
