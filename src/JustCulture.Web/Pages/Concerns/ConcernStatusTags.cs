using JustCulture.Domain;

namespace JustCulture.Web.Pages.Concerns;

/// <summary>Words and NHS.UK tag colours for where an action or concern is.</summary>
public static class ConcernStatusTags
{
    /// <summary>The words for a stage or status: the product's one vocabulary table.</summary>
    public static string Label(string stage) => Vocabulary.Stage(stage);

    public static string CssClass(string stage) => stage switch
    {
        "Checklist" => "nhsuk-tag nhsuk-tag--yellow",
        "AwaitingReview" => "nhsuk-tag nhsuk-tag--blue",
        "InformalResolution" => "nhsuk-tag nhsuk-tag--purple",
        "FormalInvestigation" => "nhsuk-tag nhsuk-tag--red",
        "Closed" => "nhsuk-tag nhsuk-tag--grey",
        _ => "nhsuk-tag",
    };

    public static string RouteLabel(string? route) => Vocabulary.Route(route);
}
