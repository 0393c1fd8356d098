using JustCulture.Workflows;

namespace JustCulture.Application.Scale;

/// <summary>
/// The checklist form submits answers keyed by question; a plan holds them in path order. Walks each distinct
/// path once on a scratch instance (in memory, never stored) to learn which question each answer is for.
/// </summary>
internal sealed class ChecklistPathKeys(WorkflowDefinition definition, WorkflowRunner runner)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _byPath = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> For(string[] answers)
    {
        var path = string.Join('/', answers);
        if (_byPath.TryGetValue(path, out var keyed))
        {
            return keyed;
        }

        var now = DateTime.UtcNow;
        var state = runner.Start(definition, Guid.NewGuid(), now).State;
        var byQuestion = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            var pending = state.Bookmarks.First(b => definition.GetActivity(b.ActivityId) is ChecklistQuestionActivity);
            byQuestion[pending.ActivityId] = answer;
            state = runner.Resume(definition, state, pending.BookmarkId, new ResumeInput("scale-seed", "LineManager", answer, null, null), now).State;
        }

        _byPath[path] = byQuestion;
        return byQuestion;
    }
}
