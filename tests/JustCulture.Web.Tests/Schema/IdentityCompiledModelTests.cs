using JustCulture.Persistence;
using JustCulture.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace JustCulture.Web.Tests.Schema;

/// <summary>
/// The identity store starts on its compiled EF Core model (docs/performance.md, "Start-up"); this checks that model
/// still matches what the configurations build, as the same check does for JustCultureDbContext in
/// tests/JustCulture.Persistence.Tests/Schema/CompiledModelTests.cs.
/// </summary>
public class IdentityCompiledModelTests
{
    private const string Regenerate = "tools/regenerate-compiled-models.sh";

    [Theory]
    [InlineData("sqlite:identity-compiled-model-check.db", "Sqlite")]
    [InlineData("postgres:Host=localhost;Database=compiled_model_check", "Postgres")]
    [InlineData("sqlserver:Server=compiled-model-check;Database=justculture;Integrated Security=True", "SqlServer")]
    public void TheCompiledModelIsInUseAndMatchesTheEntityConfigurations(string database, string provider)
    {
        // Nothing connects: the model is built and compared in memory.
        using var context = IdentityStoreContext.Create(DatabaseLocation.Parse(database));

        var compiled = context.Model;
        compiled.GetType().Namespace.ShouldBe($"JustCulture.Web.Identity.CompiledModels.{provider}",
            $"{context.GetType().Name} is not using its compiled model; run {Regenerate} from the repository root.");

        var built = context.GetService<IDesignTimeModel>().Model;
        var expected = Lines(built.GetRelationalModel().ToDebugString());
        var actual = Lines(compiled.GetRelationalModel().ToDebugString());
        var differences = expected.Except(actual).Select(l => "missing: " + l)
            .Concat(actual.Except(expected).Select(l => "stale: " + l)).Take(10).ToList();
        differences.ShouldBeEmpty(
            $"The compiled model of {context.GetType().Name} is out of date ({string.Join("; ", differences)}); " +
            $"run {Regenerate} from the repository root and commit the result.");
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
