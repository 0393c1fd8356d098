namespace JustCulture.Domain.Concerns;

/// <summary>The routes a commissioning review can choose. Names match the review activity's ports.</summary>
public enum CaseRoute
{
    NoFurtherAction,
    Support,
    SystemLearning,
    InformalResolution,
    FormalInvestigation,
}
