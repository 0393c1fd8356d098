using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Workflows;
using JustCulture.Workflows;

namespace JustCulture.Application.Cases;

/// <summary>
/// What a use case sees inside the case step: the loaded, access-checked case, and the only ways to change
/// it — resume the workflow (its transitions and log entries recorded together) and add log entries.
/// </summary>
public sealed class CaseStepContext
{
    private readonly LoadedCase _loaded;
    private readonly WorkflowRunner _runner;
    private readonly List<DecisionLogEntry> _entries = [];
    private WorkflowInstanceState? _state;

    internal CaseStepContext(LoadedCase loaded, User actor, ConcernAction? action, BookmarkRecord? task, WorkflowDefinition? definition,
        WorkflowRunner runner, DateTime nowUtc)
    {
        _loaded = loaded;
        _runner = runner;
        Actor = actor;
        Action = action;
        Task = task;
        Definition = definition;
        NowUtc = nowUtc;
        _state = loaded.Instance is null ? null : WorkflowInstanceMapping.ToState(loaded.Instance);
    }

    public User Actor { get; }
    public Concern Concern => _loaded.Concern;
    public StaffMember Subject => _loaded.Subject;
    public bool UnblindedByActor => _loaded.UnblindedByActor;

    /// <summary>The action acted on; null for a whole-case step such as unblinding.</summary>
    public ConcernAction? Action { get; }

    /// <summary>The pending task acted on, for a task target.</summary>
    public BookmarkRecord? Task { get; }

    public WorkflowDefinition? Definition { get; }
    public DateTime NowUtc { get; }

    /// <summary>The action's workflow state as it stands after the resumes so far.</summary>
    public WorkflowInstanceState State => _state ?? throw new InvalidOperationException("This step has no workflow instance.");

    internal IReadOnlyList<DecisionLogEntry> Entries => _entries;

    private Actor LogActor => new(Actor.UserId, Actor.Role.ToString());

    private ConcernAction RequiredAction => Action ?? throw new InvalidOperationException("This step is not about one action.");

    /// <summary>Answers a pending task and runs the workflow on; a refusal by the runtime becomes the product's refusal.</summary>
    public RunResult Resume(Guid bookmarkId, string answer, string? rationale = null, string? informalNotAppropriate = null)
    {
        RunResult run;
        try
        {
            run = _runner.Resume(RequiredDefinition, State, bookmarkId, new ResumeInput(Actor.UserId, Actor.Role.ToString(), answer, rationale, informalNotAppropriate), NowUtc);
        }
        catch (WorkflowResumeException refused)
        {
            throw CaseRefusals.From(refused);
        }

        Record(run, new GivenAnswer(answer, rationale, informalNotAppropriate));
        return run;
    }

    /// <summary>Applies a run computed elsewhere (a checklist walk): its domain transitions, its log entries and
    /// its workflow state, exactly as if it had been resumed here.</summary>
    internal void Record(RunResult run, GivenAnswer? answer)
    {
        _entries.AddRange(TriageStepRecorder.Record(Concern, RequiredAction, RequiredDefinition, run, LogActor, answer, NowUtc));
        WorkflowInstanceMapping.Apply(_loaded.Instance!, run.State, NowUtc, Actor.UserId);
        _state = run.State;
    }

    /// <summary>Adds a decision-log entry about this case (and its action, when the step has one).</summary>
    public void Log(string eventType, string? question, string? answer, string? rationale = null)
    {
        _entries.Add(new DecisionLogEntry
        {
            EventType = eventType,
            ConcernId = Concern.Id,
            WorkflowInstanceId = Action?.WorkflowInstanceId,
            SubjectStaffRef = Concern.SubjectStaffRef,
            Question = question,
            Answer = answer,
            Rationale = rationale,
            ActorId = Actor.UserId,
            ActorRole = Actor.Role.ToString(),
            OccurredAtUtc = NowUtc,
        });
    }

    private WorkflowDefinition RequiredDefinition => Definition ?? throw new InvalidOperationException("This step has no workflow definition.");

    /// <summary>Every step leaves a record; a step on an action also moves that action's version and the
    /// concern's status. A whole-case step (unblinding) changes no action, so open forms stay current.</summary>
    internal void Finish()
    {
        if (_entries.Count == 0)
        {
            throw new InvalidOperationException("A case step must record what it did in the decision log.");
        }

        if (Action is not null)
        {
            Action.MarkChanged();
            Concern.Touch();
        }
    }
}
