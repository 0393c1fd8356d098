using System.Text.Json;
using JustCulture.Persistence.Checklist;
using JustCulture.Workflows;

namespace JustCulture.Application.Checklist;

/// <summary>
/// What a stored checklist draft may hold: answers only to this definition's line-manager questions, each
/// one of the answers the question allows, and no more than fits the column. The same rules refuse a bad
/// save and discard a stored draft that no longer fits (another definition, or a value changed behind the
/// product's back).
/// </summary>
internal static class ChecklistDraftRules
{
    private const string LineManagerRole = "LineManager";

    /// <summary>Why these answers cannot be a draft for <paramref name="definition"/>, or null when they can.</summary>
    public static string? Problem(WorkflowDefinition definition, IReadOnlyDictionary<string, string> answers, string? currentQuestion)
    {
        var questions = definition.Activities.OfType<ChecklistQuestionActivity>()
            .Where(q => string.Equals(q.Role, LineManagerRole, StringComparison.Ordinal))
            .ToDictionary(q => q.Id, StringComparer.Ordinal);
        if (answers.Count > questions.Count)
        {
            return $"A checklist has {questions.Count} questions; {answers.Count} answers were sent.";
        }

        foreach (var (activityId, answer) in answers)
        {
            if (!questions.TryGetValue(activityId, out var question))
            {
                return "An answer was sent for a question this checklist does not have.";
            }

            if (!question.Answers.Contains(answer, StringComparer.Ordinal))
            {
                return $"Question {question.QuestionId} can only be answered {string.Join(" or ", question.Answers)}.";
            }
        }

        return currentQuestion is not null && !questions.ContainsKey(currentQuestion)
            ? "The question to come back to is not one of this checklist's questions."
            : null;
    }

    public static string Serialise(IReadOnlyDictionary<string, string> answers) =>
        JsonSerializer.Serialize(answers.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));

    /// <summary>The stored answers, or null when the row cannot be read as a draft of this definition.</summary>
    public static Dictionary<string, string>? Read(ChecklistDraftRecord draft, WorkflowDefinition definition)
    {
        if (!string.Equals(draft.DefinitionId, definition.DefinitionId, StringComparison.Ordinal)
            || draft.DefinitionVersion != definition.Version
            || !string.Equals(draft.DefinitionSha256, definition.Sha256, StringComparison.Ordinal)
            || draft.AnswersJson.Length > ChecklistDraftRecord.MaxAnswersLength)
        {
            return null;
        }

        Dictionary<string, string>? answers;
        try
        {
            answers = JsonSerializer.Deserialize<Dictionary<string, string>>(draft.AnswersJson);
        }
        catch (JsonException)
        {
            return null;
        }

        if (answers is null || answers.Values.Any(v => v is null))
        {
            return null;
        }

        answers = new Dictionary<string, string>(answers, StringComparer.Ordinal);
        return Problem(definition, answers, draft.CurrentQuestion) is null ? answers : null;
    }
}
