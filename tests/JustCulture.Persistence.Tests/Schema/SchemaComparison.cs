namespace JustCulture.Persistence.Tests.Schema;

public enum SchemaDifferenceKind
{
    /// <summary>The model has it; the migrated database does not.</summary>
    Missing,

    /// <summary>The migrated database has it; the model does not.</summary>
    Extra,

    /// <summary>Both have it, described differently.</summary>
    Changed,
}

public sealed record SchemaDifference(SchemaDifferenceKind Kind, string Key, string? Model, string? Migrated)
{
    public override string ToString() => Kind switch
    {
        SchemaDifferenceKind.Missing => $"- {Key}: in the model ({Model}) but not in the migrated database",
        SchemaDifferenceKind.Extra => $"+ {Key}: in the migrated database ({Migrated}) but not in the model",
        _ => $"~ {Key}:\n      model:    {Model}\n      migrated: {Migrated}",
    };
}

/// <summary>Compares the schema built straight from the model with the one the migrations built.</summary>
public static class SchemaComparison
{
    public static IReadOnlyList<SchemaDifference> Compare(SchemaSnapshot model, SchemaSnapshot migrated)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(migrated);
        var differences = new List<SchemaDifference>();
        foreach (var key in model.Facts.Keys.Union(migrated.Facts.Keys).Order(StringComparer.Ordinal))
        {
            var inModel = model.Facts.TryGetValue(key, out var modelValue);
            var inMigrated = migrated.Facts.TryGetValue(key, out var migratedValue);
            if (!inMigrated)
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.Missing, key, modelValue, null));
            }
            else if (!inModel)
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.Extra, key, null, migratedValue));
            }
            else if (!string.Equals(modelValue, migratedValue, StringComparison.Ordinal))
            {
                differences.Add(new SchemaDifference(SchemaDifferenceKind.Changed, key, modelValue, migratedValue));
            }
        }

        return differences;
    }

    /// <summary>A readable diff for a failure message.</summary>
    public static string Report(IReadOnlyCollection<SchemaDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        return differences.Count == 0
            ? "the migrated schema matches the model"
            : $"the migrated schema differs from the model in {differences.Count} place(s):\n" + string.Join('\n', differences);
    }
}
