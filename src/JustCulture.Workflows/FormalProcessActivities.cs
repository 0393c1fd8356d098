namespace JustCulture.Workflows;

/// <summary>
/// The stages of the formal process after a formal investigation starts, in the order they must come: the
/// investigation concluded, the disciplinary hearing, the appeal. A definition may draw them after its
/// <see cref="StartFormalInvestigationActivity"/> so the flowchart shows the whole process; they do not block and record
/// nothing themselves — each decision is a case step with its own data (docs/domain/formal-process.md). The safety
/// rule checks their order: none is reachable except through the stage before it, so through a formal investigation
/// and so through a commissioning review.
/// </summary>
public abstract class FormalStageActivity : ActivityDefinition
{
    private static readonly string[] PortNames = [WorkflowPorts.Done];

    private protected FormalStageActivity(string id, string type, string? name) : base(id, type, name) { }

    /// <summary>1 for the conclusion, 2 for the hearing, 3 for the appeal; the formal investigation itself is 0.</summary>
    public abstract int Stage { get; }

    /// <summary>What the stage is, for messages.</summary>
    public abstract string StageName { get; }

    public override IReadOnlyList<string> Ports => PortNames;
}

/// <summary><c>JustCulture.ConcludeInvestigation</c>: the formal investigation concluded (case to answer or not). Port <c>Done</c>.</summary>
public sealed class ConcludeInvestigationActivity : FormalStageActivity
{
    public const string TypeName = "JustCulture.ConcludeInvestigation";

    internal ConcludeInvestigationActivity(string id, string? name) : base(id, TypeName, name) { }

    public override int Stage => 1;

    public override string StageName => "investigation conclusion";
}

/// <summary><c>JustCulture.DisciplinaryHearing</c>: the disciplinary hearing and its outcome. Port <c>Done</c>.</summary>
public sealed class DisciplinaryHearingActivity : FormalStageActivity
{
    public const string TypeName = "JustCulture.DisciplinaryHearing";

    internal DisciplinaryHearingActivity(string id, string? name) : base(id, TypeName, name) { }

    public override int Stage => 2;

    public override string StageName => "disciplinary hearing";
}

/// <summary><c>JustCulture.Appeal</c>: an appeal against the hearing's sanction. Port <c>Done</c>.</summary>
public sealed class AppealActivity : FormalStageActivity
{
    public const string TypeName = "JustCulture.Appeal";

    internal AppealActivity(string id, string? name) : base(id, TypeName, name) { }

    public override int Stage => 3;

    public override string StageName => "appeal";
}
