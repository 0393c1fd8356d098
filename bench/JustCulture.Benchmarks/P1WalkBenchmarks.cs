using BenchmarkDotNet.Attributes;
using JustCulture.Application;
using JustCulture.Workflows;

namespace JustCulture.Benchmarks;

/// <summary>
/// P1: what the workflow runtime costs over the checklist logic itself. One invocation walks every answer path of
/// the real just-culture checklist (workflows/just-culture-triage.json) from the start to its outcome: through
/// <see cref="WorkflowRunner"/> (start, then one resume per answer, as a case step does), and through a hand-coded
/// switch with the same logic (the baseline). The setup checks once that both reach the same outcome on every path.
/// </summary>
[Config(typeof(RatioConfig))]
public class P1WalkBenchmarks
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly WorkflowRunner _runner = new();
    private WorkflowDefinition _definition = null!;
    private AnswerPath[] _paths = [];

    [GlobalSetup]
    public void Setup()
    {
        _definition = WorkflowDefinitionLoader.LoadFile(
            Path.Combine(DependencyInjection.DefaultWorkflowsDirectory, "just-culture-triage.json"));
        _paths = AnswerPath.All(_definition);
        foreach (var path in _paths)
        {
            var walked = WalkWithRunner(path);
            var switched = HandCodedChecklist.Outcome(path.Answers);
            if (walked != path.Outcome || switched != path.Outcome)
            {
                throw new InvalidOperationException(
                    $"Path {path}: the definition leads to outcome {path.Outcome}, the runner reached {walked}, the switch {switched}.");
            }
        }
    }

    /// <summary>Number of answer paths walked per invocation (12 for the current checklist).</summary>
    public int Paths => _paths.Length;

    [Benchmark(Baseline = true, Description = "hand-coded switch, every path")]
    public int HandCodedSwitch()
    {
        var sum = 0;
        foreach (var path in _paths)
        {
            sum += HandCodedChecklist.Outcome(path.Answers);
        }

        return sum;
    }

    [Benchmark(Description = "WorkflowRunner, every path")]
    public int WorkflowRuntime()
    {
        var sum = 0;
        foreach (var path in _paths)
        {
            sum += WalkWithRunner(path);
        }

        return sum;
    }

    /// <summary>Starts an instance and answers each open checklist question in turn until an outcome is recorded.</summary>
    private char WalkWithRunner(AnswerPath path)
    {
        var result = _runner.Start(_definition, Guid.NewGuid(), Now);
        foreach (var answer in path.Answers)
        {
            var bookmark = result.State.Bookmarks[0];
            result = _runner.Resume(_definition, result.State, bookmark.BookmarkId,
                new ResumeInput("lm1", bookmark.Role, answer ? "Yes" : "No", null, null), Now);
            foreach (var executed in result.Executed)
            {
                if (_definition.GetActivity(executed.ActivityId) is RecordOutcomeActivity outcome)
                {
                    return outcome.Outcome[0];
                }
            }
        }

        throw new InvalidOperationException($"Path {path} answered every question without reaching an outcome.");
    }
}

/// <summary>
/// The checklist of NHS Improvement's "A just culture guide" written out by hand: the same questions and outcomes as
/// workflows/just-culture-triage.json, with no definition, state or bookmarks.
/// </summary>
public static class HandCodedChecklist
{
    /// <summary>The outcome letter reached by the answers (true = Yes), given in the order the questions are asked.</summary>
    public static char Outcome(bool[] answers)
    {
        var question = "1a";
        foreach (var yes in answers)
        {
            switch (question)
            {
                case "1a": if (yes) { return 'A'; } question = "2a"; break;
                case "2a": if (yes) { return 'B'; } question = "2b"; break;
                case "2b": if (yes) { return 'C'; } question = "2c"; break;
                case "2c": if (yes) { return 'C'; } question = "3a"; break;
                case "3a": if (!yes) { return 'D'; } question = "3b"; break;
                case "3b": if (!yes) { return 'D'; } question = "3c"; break;
                case "3c": if (!yes) { return 'D'; } question = "4a"; break;
                case "4a": if (yes) { return 'E'; } question = "4b"; break;
                case "4b": if (yes) { return 'E'; } question = "4c"; break;
                case "4c": if (yes) { return 'E'; } question = "5a"; break;
                case "5a": return yes ? 'F' : 'G';
                default: throw new InvalidOperationException($"No question {question}.");
            }
        }

        throw new InvalidOperationException("The answers ran out before an outcome.");
    }
}

/// <summary>One way through the checklist: the answers in order and the outcome the definition says they reach.</summary>
public sealed record AnswerPath(bool[] Answers, char Outcome)
{
    public override string ToString() => string.Join(",", Answers.Select(a => a ? "Yes" : "No")) + " -> " + Outcome;

    /// <summary>Every path through the checklist questions, read from the definition's connections (not from the switch).</summary>
    public static AnswerPath[] All(WorkflowDefinition definition)
    {
        var paths = new List<AnswerPath>();
        var first = definition.GetTargets((definition.Start ?? throw new InvalidOperationException("the triage definition has a start")).Id, "Done").Single();
        Explore(definition, first, [], paths);
        return [.. paths];
    }

    private static void Explore(WorkflowDefinition definition, string activityId, List<bool> answers, List<AnswerPath> paths)
    {
        switch (definition.GetActivity(activityId))
        {
            case RecordOutcomeActivity outcome:
                paths.Add(new AnswerPath([.. answers], outcome.Outcome[0]));
                return;
            case ChecklistQuestionActivity question:
                foreach (var answer in question.Answers)
                {
                    answers.Add(answer == "Yes");
                    Explore(definition, definition.GetTargets(question.Id, answer).Single(), answers, paths);
                    answers.RemoveAt(answers.Count - 1);
                }

                return;
            case var other:
                throw new InvalidOperationException($"The checklist reaches {other} before an outcome.");
        }
    }
}
