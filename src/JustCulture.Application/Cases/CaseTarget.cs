namespace JustCulture.Application.Cases;

/// <summary>What a case step or case query is about: a pending task, one action of a concern, or the concern as a whole.</summary>
public sealed record CaseTarget
{
    private CaseTarget(Guid? concernId, Guid? taskId, int? actionOrdinal)
    {
        ConcernId = concernId;
        TaskId = taskId;
        ActionOrdinal = actionOrdinal;
    }

    public Guid? ConcernId { get; }
    public Guid? TaskId { get; }
    public int? ActionOrdinal { get; }

    public static CaseTarget Task(Guid taskId) => new(null, taskId, null);

    public static CaseTarget Action(Guid concernId, int actionOrdinal) => new(concernId, null, actionOrdinal);

    public static CaseTarget Case(Guid concernId) => new(concernId, null, null);

    public override string ToString() =>
        TaskId is { } task ? $"task {task}" : ActionOrdinal is { } ordinal ? $"concern {ConcernId} action {ordinal}" : $"concern {ConcernId}";
}

/// <summary>What the actor wants to do with a case; the access policy decides by this.</summary>
public enum CaseAccess
{
    /// <summary>Read the case: the raiser, or an independent commissioning manager.</summary>
    View,
    /// <summary>Answer the checklist: the line manager who raised it, only.</summary>
    AnswerChecklist,
    /// <summary>Review, route, plan, record a result or unblind: an independent commissioning manager, only.</summary>
    Review,
}
