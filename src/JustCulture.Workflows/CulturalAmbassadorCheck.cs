namespace JustCulture.Workflows;

/// <summary>
/// The safety rule extended for cultural ambassadors (docs/domain/process-safeguards.md, "Cultural ambassador"), checked
/// when the trust turns the ambassador setting on. The product refuses a review's formal route on a case about a BME
/// member of staff until an ambassador invited to that review has given their observations; this check proves, for a
/// definition, that the refusal stands on every path: every formal investigation is reached only by a commissioning
/// review's FormalInvestigation route (the safety rule, run as it is), and every review whose FormalInvestigation route
/// reaches one is answered by a commissioning manager — the person who invites the ambassador and records what they
/// observed. A definition that let another role choose the formal route would leave the ambassador out of the decision.
/// </summary>
public static class CulturalAmbassadorCheck
{
    public const string ReviewerRole = "CommissioningManager";

    /// <summary>Every way the definition breaks the extended rule (file and activity in each message); empty when it holds.</summary>
    public static IReadOnlyList<string> Check(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var messages = new List<string>();
        var errors = new DefinitionErrors(definition.SourceName, messages);
        var byId = definition.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var paths = new FlowchartPaths(byId, definition.Connections);
        if (definition.Start is { } start) // an empty flowchart has no start and nothing to break
        {
            SafetyRule.Check(paths, definition.Activities, start.Id, errors);
        }

        foreach (var review in definition.Activities.OfType<CommissioningReviewActivity>()
                     .Where(r => !string.Equals(r.Role, ReviewerRole, StringComparison.Ordinal)))
        {
            var seeds = paths.Outgoing(review.Id).Where(c => c.SourcePort == ReviewRoutes.FormalInvestigation)
                .Select(c => (c.TargetActivityId, (string?)$"{review.Id}[{ReviewRoutes.FormalInvestigation}]")).ToList();
            var reached = paths.Search(seeds, stopAt: a => a is CommissioningReviewActivity);
            foreach (var formal in reached.InOrder.Where(id => paths.Activity(id) is StartFormalInvestigationActivity))
            {
                errors.Activity(review.Id,
                    $"cultural ambassador rule broken: the review is answered by role '{review.Role}', not '{ReviewerRole}', so a formal investigation " +
                    $"can be chosen without the ambassador the commissioning manager invites (path: {reached.PathTo(formal)})");
            }
        }

        return messages;
    }

    /// <summary>Throws, naming every break, when a definition does not hold the extended rule.</summary>
    public static void Ensure(WorkflowDefinition definition)
    {
        var messages = Check(definition);
        if (messages.Count > 0)
        {
            throw new WorkflowDefinitionException(messages);
        }
    }
}
