using System.Text.Json;

namespace JustCulture.Workflows;

/// <summary>One activity of a flowchart, as read from the definition file. Instances are immutable and
/// created only by <see cref="WorkflowDefinitionLoader"/>.</summary>
public abstract class ActivityDefinition
{
    private protected ActivityDefinition(string id, string type, string? name)
    {
        Id = id;
        Type = type;
        Name = name;
    }

    /// <summary>The activity id, unique within its definition.</summary>
    public string Id { get; }

    /// <summary>The Elsa activity type name, e.g. <c>Elsa.FlowDecision</c> or <c>JustCulture.ChecklistQuestion</c>.</summary>
    public string Type { get; }

    /// <summary>The display name given in the designer, if any.</summary>
    public string? Name { get; }

    /// <summary>The outcome ports connections may leave from.</summary>
    public abstract IReadOnlyList<string> Ports { get; }

    /// <summary>True when the activity waits for a person (it implements <see cref="IHumanTaskActivity"/>).</summary>
    public bool IsBlocking => this is IHumanTaskActivity;

    public override string ToString() => $"{Type} '{Id}'";
}

/// <summary>An activity that suspends the workflow until a person in <see cref="Role"/> answers it.</summary>
public interface IHumanTaskActivity
{
    string Id { get; }

    /// <summary>The role that must answer, e.g. <c>LineManager</c> or <c>CommissioningManager</c>.</summary>
    string Role { get; }

    string Question { get; }

    string? HelpText { get; }

    /// <summary>The allowed answers; each is also an outcome port.</summary>
    IReadOnlyList<string> Answers { get; }

    /// <summary>A short step label: the checklist question id (e.g. <c>1a</c>), <c>review</c> or <c>informal</c>.</summary>
    string? StepId { get; }

    /// <summary>Whether answering with <paramref name="answer"/> needs a non-blank rationale.</summary>
    bool RequiresRationale(string answer);

    /// <summary>Whether answering with <paramref name="answer"/> needs a non-blank statement of why informal
    /// resolution is not appropriate.</summary>
    bool RequiresInformalNotAppropriateStatement(string answer);
}

/// <summary>An input expression as stored in the file: <c>Literal</c>, <c>Variable</c>, <c>Object</c>, <c>JavaScript</c> or <c>Liquid</c>.</summary>
public sealed class WorkflowExpression
{
    public const string Literal = "Literal";
    public const string Variable = "Variable";
    public const string Object = "Object";
    public const string JavaScript = "JavaScript";
    public const string Liquid = "Liquid";

    internal WorkflowExpression(string language, JsonElement value)
    {
        Language = language;
        Value = value;
    }

    /// <summary>One of the language constants of this class.</summary>
    public string Language { get; }

    /// <summary>The literal value, or the variable name (a JSON string) for <see cref="Variable"/>.</summary>
    public JsonElement Value { get; }
}

/// <summary><c>Elsa.Start</c>: where every run begins. Port <c>Done</c>.</summary>
public sealed class StartActivity : ActivityDefinition
{
    public const string TypeName = "Elsa.Start";
    private static readonly string[] PortNames = [WorkflowPorts.Done];

    internal StartActivity(string id, string? name) : base(id, TypeName, name) { }

    public override IReadOnlyList<string> Ports => PortNames;
}

/// <summary><c>Elsa.End</c>: reaching it finishes the instance and clears its bookmarks. No ports.</summary>
public sealed class EndActivity : ActivityDefinition
{
    public const string TypeName = "Elsa.End";

    internal EndActivity(string id, string? name) : base(id, TypeName, name) { }

    public override IReadOnlyList<string> Ports => [];
}

/// <summary><c>Elsa.FlowDecision</c>: evaluates the boolean input <c>condition</c> and leaves by <c>True</c> or <c>False</c>.</summary>
public sealed class FlowDecisionActivity : ActivityDefinition
{
    public const string TypeName = "Elsa.FlowDecision";
    private static readonly string[] PortNames = [WorkflowPorts.True, WorkflowPorts.False];

    internal FlowDecisionActivity(string id, string? name, WorkflowExpression condition) : base(id, TypeName, name)
    {
        Condition = condition;
    }

    public WorkflowExpression Condition { get; }

    public override IReadOnlyList<string> Ports => PortNames;
}

/// <summary><c>JustCulture.ChecklistQuestion</c>: one question of the just-culture checklist, asked of a role.</summary>
public sealed class ChecklistQuestionActivity : ActivityDefinition, IHumanTaskActivity
{
    public const string TypeName = "JustCulture.ChecklistQuestion";

    internal ChecklistQuestionActivity(string id, string? name, string questionId, string question, string? helpText, string role, IReadOnlyList<string> answers)
        : base(id, TypeName, name)
    {
        QuestionId = questionId;
        Question = question;
        HelpText = helpText;
        Role = role;
        Answers = answers;
    }

    /// <summary>The guide's question number, e.g. <c>1a</c>.</summary>
    public string QuestionId { get; }

    public string Question { get; }

    public string? HelpText { get; }

    public string Role { get; }

    public IReadOnlyList<string> Answers { get; }

    public string? StepId => QuestionId;

    public override IReadOnlyList<string> Ports => Answers;

    public bool RequiresRationale(string answer) => false;

    public bool RequiresInformalNotAppropriateStatement(string answer) => false;
}

/// <summary><c>JustCulture.RecordOutcome</c>: records the checklist outcome (A–G). Port <c>Done</c>.</summary>
public sealed class RecordOutcomeActivity : ActivityDefinition
{
    public const string TypeName = "JustCulture.RecordOutcome";
    private static readonly string[] PortNames = [WorkflowPorts.Done];

    internal RecordOutcomeActivity(string id, string? name, string outcome, string title, string? guidance) : base(id, TypeName, name)
    {
        Outcome = outcome;
        Title = title;
        Guidance = guidance;
    }

    /// <summary>The checklist outcome letter, <c>A</c> to <c>G</c>.</summary>
    public string Outcome { get; }

    public string Title { get; }

    public string? Guidance { get; }

    public override IReadOnlyList<string> Ports => PortNames;
}

/// <summary>The routes a commissioning review may choose; each is a port of <see cref="CommissioningReviewActivity"/>.</summary>
public static class ReviewRoutes
{
    public const string NoFurtherAction = "NoFurtherAction";
    public const string Support = "Support";
    public const string SystemLearning = "SystemLearning";
    public const string InformalResolution = "InformalResolution";
    public const string FormalInvestigation = "FormalInvestigation";

    public static IReadOnlyList<string> All { get; } = [NoFurtherAction, Support, SystemLearning, InformalResolution, FormalInvestigation];
}

/// <summary><c>JustCulture.CommissioningReview</c>: the independent review every case gets before anything formal.
/// Ports = routes. Every answer needs a rationale; <c>FormalInvestigation</c> also needs a statement of why
/// informal resolution is not appropriate.</summary>
public sealed class CommissioningReviewActivity : ActivityDefinition, IHumanTaskActivity
{
    public const string TypeName = "JustCulture.CommissioningReview";

    internal CommissioningReviewActivity(string id, string? name, string role, string question, string? helpText, IReadOnlyList<string> routes)
        : base(id, TypeName, name)
    {
        Role = role;
        Question = question;
        HelpText = helpText;
        Routes = routes;
    }

    public string Role { get; }

    public string Question { get; }

    public string? HelpText { get; }

    public IReadOnlyList<string> Routes { get; }

    public IReadOnlyList<string> Answers => Routes;

    public string? StepId => "review";

    public override IReadOnlyList<string> Ports => Routes;

    public bool RequiresRationale(string answer) => true;

    public bool RequiresInformalNotAppropriateStatement(string answer) =>
        string.Equals(answer, ReviewRoutes.FormalInvestigation, StringComparison.Ordinal);
}

/// <summary><c>JustCulture.InformalResolution</c>: an informal resolution attempt. Ports <c>Resolved</c> / <c>NotResolved</c>; rationale required.</summary>
public sealed class InformalResolutionActivity : ActivityDefinition, IHumanTaskActivity
{
    public const string TypeName = "JustCulture.InformalResolution";
    public const string Resolved = "Resolved";
    public const string NotResolved = "NotResolved";
    private static readonly string[] AnswerNames = [Resolved, NotResolved];

    internal InformalResolutionActivity(string id, string? name, string role, string question, string? helpText) : base(id, TypeName, name)
    {
        Role = role;
        Question = question;
        HelpText = helpText;
    }

    public string Role { get; }

    public string Question { get; }

    public string? HelpText { get; }

    public IReadOnlyList<string> Answers => AnswerNames;

    public string? StepId => "informal";

    public override IReadOnlyList<string> Ports => AnswerNames;

    public bool RequiresRationale(string answer) => true;

    public bool RequiresInformalNotAppropriateStatement(string answer) => false;
}

/// <summary><c>JustCulture.StartFormalInvestigation</c>: the start of a formal investigation — the only way into the
/// formal process, and the event WRES indicator 3 counts. Non-blocking; port <c>Done</c>.</summary>
public sealed class StartFormalInvestigationActivity : ActivityDefinition
{
    public const string TypeName = "JustCulture.StartFormalInvestigation";
    private static readonly string[] PortNames = [WorkflowPorts.Done];

    internal StartFormalInvestigationActivity(string id, string? name) : base(id, TypeName, name) { }

    public override IReadOnlyList<string> Ports => PortNames;
}

/// <summary>Port names shared by several activity types.</summary>
public static class WorkflowPorts
{
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string In = "In";
}
