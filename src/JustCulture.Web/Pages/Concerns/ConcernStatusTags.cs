namespace JustCulture.Web.Pages.Concerns;

/// <summary>Words and NHS.UK tag colours for where an action or concern is.</summary>
public static class ConcernStatusTags
{
    public static string Label(string stage) => stage switch
    {
        "Checklist" => "Checklist to answer",
        "AwaitingReview" => "Awaiting review",
        "InformalResolution" => "Informal resolution",
        "FormalInvestigation" => "Formal investigation",
        "Closed" => "Closed",
        _ => stage,
    };

    public static string CssClass(string stage) => stage switch
    {
        "Checklist" => "nhsuk-tag nhsuk-tag--yellow",
        "AwaitingReview" => "nhsuk-tag nhsuk-tag--blue",
        "InformalResolution" => "nhsuk-tag nhsuk-tag--purple",
        "FormalInvestigation" => "nhsuk-tag nhsuk-tag--red",
        "Closed" => "nhsuk-tag nhsuk-tag--grey",
        _ => "nhsuk-tag",
    };

    public static string RouteLabel(string? route) => route switch
    {
        null => "Not decided",
        "NoFurtherAction" => "No further action",
        "Support" => "Support",
        "SystemLearning" => "System learning",
        "InformalResolution" => "Informal resolution",
        "FormalInvestigation" => "Formal investigation",
        _ => route,
    };
}
