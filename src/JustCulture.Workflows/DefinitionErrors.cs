namespace JustCulture.Workflows;

// The problems of one definition file. The list may be shared by several files, so a catalog can report
// every file's problems together; each entry names the file, and the activity when there is one.
internal sealed class DefinitionErrors(string source, List<string> errors)
{
    private readonly int _countBefore = errors.Count;

    // Compare two readings to see whether a step added a problem.
    public int Count => errors.Count;

    public bool HasAny => errors.Count > _countBefore;

    public void File(string message) => errors.Add($"{source}: {message}");

    public void Activity(string activityId, string message) => File($"activity '{activityId}': {message}");
}
