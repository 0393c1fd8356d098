using JustCulture.Domain.Concerns;

namespace JustCulture.Domain.Tests.Concerns;

public sealed class ConcernCategoriesTests
{
    [Theory]
    [InlineData("Clinical practice", "Clinical practice")]
    [InlineData("  clinical PRACTICE ", "Clinical practice")]
    [InlineData("information governance", "Information governance")]
    public void ReturnsCanonicalSpellingGivenListedCategoryInAnyCase(string given, string expected) =>
        ConcernCategories.Canonical(given).ShouldBe(expected);

    [Theory]
    [InlineData("Clinical")]
    [InlineData("")]
    [InlineData(null)]
    public void ReturnsNullGivenCategoryNotOnList(string? given) =>
        ConcernCategories.Canonical(given).ShouldBeNull();

    [Fact]
    public void HoldsNoDuplicatesIgnoringCase() =>
        ConcernCategories.All.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(ConcernCategories.All.Count);
}
