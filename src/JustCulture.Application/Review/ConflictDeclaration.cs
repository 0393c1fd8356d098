using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Users;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Review;

/// <summary>
/// The conflict-of-interest declaration that goes with every review decision: a fixed choice an auditor can
/// count, and, when declared, free text (the conflict and its mitigation) that only case readers see.
/// </summary>
public static class ConflictDeclaration
{
    public const string Field = "ConflictOfInterest";
    public const string DetailsField = "ConflictDetails";
    public const int MaxDetailsLength = 1000;

    /// <summary>The question as it is logged with the declaration.</summary>
    public const string Question = "Do you have a conflict of interest in this case?";

    /// <summary>Checks the declaration on its own (before the case is loaded): details only with a declared conflict.</summary>
    public static void CheckShape(ICollection<FieldProblem> problems, ConflictOfInterest? conflict, string? details)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (conflict is { } given && !Enum.IsDefined(given))
        {
            problems.Add(new FieldProblem(Field, "Choose whether you have a conflict of interest: none, or declared"));
            return;
        }

        InputRules.Text(problems, DetailsField, details, "the conflict of interest", MaxDetailsLength, required: false, multiline: true);
        if (conflict == ConflictOfInterest.Declared && string.IsNullOrWhiteSpace(details))
        {
            problems.Add(new FieldProblem(DetailsField, "Describe the conflict of interest and how it is mitigated"));
        }
        else if (conflict != ConflictOfInterest.Declared && !string.IsNullOrWhiteSpace(details))
        {
            problems.Add(new FieldProblem(DetailsField, "Give details only when you declare a conflict of interest"));
        }
    }

    /// <summary>
    /// Inside the case step: a commissioning manager's task needs a declaration, which is logged; any other
    /// task (a checklist question) must not carry one.
    /// </summary>
    public static void Record(CaseStepContext onCase, ConflictOfInterest? conflict, string? details)
    {
        ArgumentNullException.ThrowIfNull(onCase);
        var isReviewTask = onCase.Task?.Role == nameof(Role.CommissioningManager);
        if (!isReviewTask)
        {
            if (conflict is not null)
            {
                throw UseCaseException.Invalid(Field, "A conflict-of-interest declaration goes only with a review decision");
            }

            return;
        }

        if (conflict is not { } declared)
        {
            throw UseCaseException.Invalid(Field, "Declare whether you have a conflict of interest in this case");
        }

        onCase.Log(LogEventTypes.ConflictOfInterestDeclared, Question, declared.ToString(), declared == ConflictOfInterest.Declared ? details : null);
    }
}
