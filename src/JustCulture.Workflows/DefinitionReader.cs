namespace JustCulture.Workflows;

// One pass over one definition file: reads the Elsa 3 JSON (FlowchartJsonReader), builds each activity
// (ActivityFactory), then checks the graph and the safety rule (FlowchartGraphValidator, SafetyRule).
// Every problem is appended to the shared list as "source: activity 'id': message"; nothing is returned
// unless the file has none.
internal sealed class DefinitionReader(string source, List<string> errors)
{
    public WorkflowDefinition? Read(byte[] utf8Json)
    {
        // The hash covers the bytes as stored, byte-order mark included: instances are pinned to the file.
        var sha256 = WorkflowDefinitionLoader.ComputeSha256(utf8Json);
        var problems = new DefinitionErrors(source, errors);
        var json = new FlowchartJsonReader(problems, source);
        using var document = json.Parse(utf8Json);
        var header = document is null ? null : json.ReadHeader(document.RootElement);
        if (header is null)
        {
            return null;
        }

        var factory = new ActivityFactory(problems);
        var primitives = new ElsaPrimitiveFactory(problems);
        var graph = new FlowchartGraphValidator(problems);

        // Each entry is handled before the next is read, so the problems of one activity stay together.
        foreach (var entry in json.ReadActivities(header.Flowchart))
        {
            if (!graph.TryClaimId(entry))
            {
                continue;
            }

            var problemsBefore = problems.Count;
            var inputs = json.ReadInputs(entry);
            var activity = ElsaPrimitiveFactory.Owns(entry.Type)
                ? primitives.Create(entry, inputs)
                : factory.Create(entry.Id, entry.Type, entry.Name, inputs);
            graph.NoteFlowProperties(entry, FlowchartJsonReader.CanStartWorkflow(entry.Element), json.MergeMode(entry));
            if (activity is not null)
            {
                graph.AddActivity(activity, portsTrusted: problems.Count == problemsBefore);
            }
        }

        foreach (var connection in json.ReadConnections(header.Flowchart))
        {
            graph.AddConnection(connection);
        }

        graph.Validate(header.ExplicitStart);
        if (problems.HasAny)
        {
            return null;
        }

        var definitionId = header.DefinitionId!;
        var name = string.IsNullOrWhiteSpace(header.Name) ? definitionId : header.Name;
        return new WorkflowDefinition(definitionId, header.Version, name, source, sha256, graph.Activities, graph.Connections)
        {
            Start = graph.StartId is null ? null : graph.Activities.First(a => a.Id == graph.StartId),
            Variables = header.Variables,
            Inputs = header.Inputs,
            Notes = header.Notes,
            JoinModes = graph.JoinModes,
        };
    }
}
