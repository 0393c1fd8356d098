using JustCulture.Domain;
using JustCulture.Domain.Concerns;

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

    public static string Label(ActionStage stage) => Vocabulary.Stage(stage);

    public static string Label(ConcernStatus status) => Vocabulary.Status(status);

    public static string CssClass(ActionStage stage) => CssClass(stage.ToString());

    public static string CssClass(ConcernStatus status) => CssClass(status.ToString());

    public static string RouteLabel(CaseRoute? route) => Vocabulary.Route(route);
}
