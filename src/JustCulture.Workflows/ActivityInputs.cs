namespace JustCulture.Workflows;

// The inputs of one activity as read from its JSON, before its activity type gives them meaning.
internal sealed class ActivityInputs
{
    public Dictionary<string, WorkflowExpression> Valid { get; } = new(StringComparer.Ordinal);

    // Present but already reported as invalid, so they are not reported a second time as missing.
    public HashSet<string> Invalid { get; } = new(StringComparer.Ordinal);

    public bool Has(string name) => Valid.ContainsKey(name) || Invalid.Contains(name);
}
