using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace JustCulture.Persistence.Tests.Schema;

/// <summary>
/// Every process starts on the compiled EF Core model (docs/performance.md, "Start-up") instead of building the model
/// from the entity configurations. A compiled model does not follow a change to the entities by itself, so these
/// tests compare it with the model the configurations build now, as the migrations differ sees both.
/// </summary>
public class CompiledModelTests
{
    public const string Regenerate = "tools/regenerate-compiled-models.sh";

    [Theory]
    [InlineData("sqlite:compiled-model-check.db", "Sqlite")]
    [InlineData("postgres:Host=localhost;Database=compiled_model_check", "Postgres")]
    [InlineData("sqlserver:Server=compiled-model-check;Database=justculture;Integrated Security=True", "SqlServer")]
    public void TheCompiledModelIsInUseAndMatchesTheEntityConfigurations(string database, string provider)
    {
        // Nothing connects: the model is built and compared in memory.
        using var context = DatabaseLocation.Parse(database).CreateContext();

        var compiled = context.Model;
        compiled.GetType().Namespace.ShouldBe($"JustCulture.Persistence.CompiledModels.{provider}",
            $"{context.GetType().Name} is not using its compiled model; run {Regenerate} from the repository root.");

        var differences = Differences(context, compiled);
        differences.ShouldBeEmpty(
            $"The compiled model of {context.GetType().Name} is out of date ({string.Join("; ", differences)}); " +
            $"run {Regenerate} from the repository root and commit the result.");
    }

    /// <summary>
    /// The lines that differ between the two models' relational descriptions (tables, columns with their types and
    /// nullability, keys, indexes, foreign keys). The migrations differ cannot read a compiled model, so the models
    /// are compared through the relational model that both expose, without annotations (a compiled model keeps only
    /// the ones used at run time).
    /// </summary>
    public static List<string> Differences(DbContext context, IModel compiled)
    {
        var built = context.GetService<IDesignTimeModel>().Model;
        var expected = Lines(built.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault));
        var actual = Lines(compiled.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault));
        return [.. expected.Except(actual).Select(l => "missing: " + l).Concat(actual.Except(expected).Select(l => "stale: " + l)).Take(10)];
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
