using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Workflows;

namespace JustCulture.Application.Checklist;

/// <summary>A checklist question exactly as the definition the case is pinned to words it.</summary>
public sealed record ChecklistQuestionView(string ActivityId, string QuestionId, string Question, string? HelpText, IReadOnlyList<string> Answers);

public sealed record ChecklistAnswerView(ChecklistQuestionView Question, string Answer);

/// <summary>The outcome (A–G) the answers lead to, with the guide's wording.</summary>
public sealed record ChecklistOutcomeView(string Outcome, string Title, string? Guidance);

/// <summary>
/// Where a draft of answers leads: the questions on the path so far with their answers, then either the
/// next question to ask or, once the path reaches an outcome, that outcome.
/// </summary>
public sealed record ChecklistPreview(
    Guid ConcernId,
    int ActionOrdinal,
    string ActionDescription,
    string SubjectStaffRef,
    int ActionVersion,
    IReadOnlyList<ChecklistAnswerView> Answered,
    ChecklistQuestionView? Next,
    ChecklistOutcomeView? Outcome)
{
    public bool IsComplete => Next is null;

    /// <summary>Only the answers on the path, keyed by activity id: what a submit must send.</summary>
    public IReadOnlyDictionary<string, string> PathAnswers =>
        Answered.ToDictionary(a => a.Question.ActivityId, a => a.Answer, StringComparer.Ordinal);
}

/// <param name="DraftAnswers">Answers so far, keyed by the question's activity id. Answers to questions the
/// path does not reach (e.g. after an earlier answer was changed) are ignored by the preview.</param>
public sealed record PreviewChecklistQuery(Guid ConcernId, int ActionOrdinal, string UserId, IReadOnlyDictionary<string, string> DraftAnswers);

/// <summary>
/// Simulates the rest of an action's checklist with the pure workflow runner — nothing is stored — so the
/// next question shown is exactly the one the definition leads to, and the outcome is known before submit.
/// </summary>
public sealed class PreviewChecklistHandler(CaseReader cases, WorkflowRunner runner, TimeProvider clock)
{
    public async Task<ChecklistPreview> HandleAsync(PreviewChecklistQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var loaded = await cases.ReadAsync(CaseTarget.Action(query.ConcernId, query.ActionOrdinal), query.UserId, CaseAccess.AnswerChecklist, cancellationToken);
        var action = ChecklistWalk.EnsureOpen(loaded.Concern.ActionForInstance(loaded.Instance!.Id));
        var actor = new Actor(loaded.Actor!.UserId, loaded.Actor.Role.ToString());
        var walk = ChecklistWalk.Run(runner, cases.DefinitionOf(loaded), WorkflowInstanceMapping.ToState(loaded.Instance!), query.DraftAnswers,
            actor, clock.GetUtcNow().UtcDateTime, strict: false);
        return walk.ToPreview(loaded.Concern, action);
    }
}

internal sealed record WalkStep(ChecklistQuestionActivity Question, string Answer, RunResult Run);

internal sealed record WalkResult(IReadOnlyList<WalkStep> Steps, ChecklistQuestionActivity? Next, RecordOutcomeActivity? Outcome)
{
    public ChecklistPreview ToPreview(Concern concern, ConcernAction action) => new(
        concern.Id,
        action.Ordinal,
        action.Description,
        concern.SubjectStaffRef,
        action.Version,
        Steps.Select(s => new ChecklistAnswerView(ChecklistWalk.View(s.Question), s.Answer)).ToList(),
        Next is null ? null : ChecklistWalk.View(Next),
        Outcome is null ? null : new ChecklistOutcomeView(Outcome.Outcome, Outcome.Title, Outcome.Guidance));
}

internal static class ChecklistWalk
{
    public static ChecklistQuestionView View(ChecklistQuestionActivity question) =>
        new(question.Id, question.QuestionId, question.Question, question.HelpText, question.Answers);

    /// <summary>Refuses an action whose checklist has already been submitted as moved on.</summary>
    public static ConcernAction EnsureOpen(ConcernAction action)
    {
        if (action.Stage != ActionStage.Checklist)
        {
            throw UseCaseException.Conflict($"The checklist for action {action.Ordinal} has already been submitted; this case has moved on.");
        }

        return action;
    }

    /// <summary>
    /// Answers the pending checklist questions from <paramref name="answers"/> one after another, in the order
    /// the definition asks them, until a question has no answer or the checklist reaches its outcome.
    /// </summary>
    /// <param name="strict">When true, an answer the definition does not allow, or an answer to a question the
    /// path does not reach, is refused; when false (previewing a draft) such answers are simply not used.</param>
    public static WalkResult Run(WorkflowRunner runner, WorkflowDefinition definition, WorkflowInstanceState state,
        IReadOnlyDictionary<string, string> answers, Actor actor, DateTime nowUtc, bool strict)
    {
        var steps = new List<WalkStep>();
        ChecklistQuestionActivity? next = null;
        RecordOutcomeActivity? outcome = null;
        // A definition may in principle ask a question twice; a draft holds one answer per question, so stop
        // rather than loop.
        var limit = definition.Activities.Count;
        while (steps.Count <= limit)
        {
            var pending = state.Bookmarks
                .Select(b => (Bookmark: b, Question: definition.GetActivity(b.ActivityId) as ChecklistQuestionActivity))
                .FirstOrDefault(p => p.Question is not null && string.Equals(p.Question.Role, actor.Role, StringComparison.Ordinal));
            if (pending.Question is null)
            {
                break;
            }

            var question = pending.Question;
            if (!answers.TryGetValue(question.Id, out var answer) || string.IsNullOrWhiteSpace(answer))
            {
                next = question;
                break;
            }

            answer = answer.Trim();
            if (!question.Answers.Contains(answer, StringComparer.Ordinal))
            {
                if (strict)
                {
                    throw UseCaseException.RuleViolated($"Answer '{answer}' is not allowed for question {question.QuestionId}; allowed: {string.Join(", ", question.Answers)}.", "Answers");
                }

                next = question;
                break;
            }

            if (steps.Any(s => s.Question.Id == question.Id))
            {
                throw UseCaseException.RuleViolated($"Question {question.QuestionId} is asked twice on this path; answer it one step at a time instead.");
            }

            RunResult run;
            try
            {
                run = runner.Resume(definition, state, pending.Bookmark.BookmarkId, new ResumeInput(actor.UserId, actor.Role, answer, null, null), nowUtc);
            }
            catch (WorkflowResumeException ex)
            {
                throw CaseRefusals.From(ex);
            }

            steps.Add(new WalkStep(question, answer, run));
            outcome ??= run.Executed.Select(e => definition.GetActivity(e.ActivityId)).OfType<RecordOutcomeActivity>().FirstOrDefault();
            state = run.State;
        }

        // An unfinished path is reported by the caller as the missing answer, which says more than the
        // answers beyond it.
        if (strict && next is null)
        {
            var onPath = steps.Select(s => s.Question.Id).ToHashSet(StringComparer.Ordinal);
            var offPath = answers.Keys.Where(k => !onPath.Contains(k)).Order(StringComparer.Ordinal).ToList();
            if (offPath.Count > 0)
            {
                var labels = offPath.Select(id => definition.TryGetActivity(id, out var a) && a is ChecklistQuestionActivity q ? q.QuestionId : id);
                throw UseCaseException.Invalid("Answers", $"Answers were sent for questions these answers do not lead to: {string.Join(", ", labels)}. Check your answers and submit again.");
            }
        }

        return new WalkResult(steps, next, outcome);
    }
}
