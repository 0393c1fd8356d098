using System.Security.Cryptography;
using System.Text;

namespace JustCulture.Workflows;

/// <summary>Reads and validates Elsa-3-shaped flowchart JSON. Every problem is collected, and all are reported
/// together in one <see cref="WorkflowDefinitionException"/>.</summary>
public static class WorkflowDefinitionLoader
{
    /// <summary>Loads one definition file; <see cref="WorkflowDefinition.Sha256"/> is the hash of the file's bytes.</summary>
    /// <exception cref="WorkflowDefinitionException">The file is not a valid definition.</exception>
    public static WorkflowDefinition LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses a definition held in memory; <see cref="WorkflowDefinition.Sha256"/> is the hash of the UTF-8 bytes of <paramref name="json"/>.</summary>
    /// <param name="sourceName">Named in error messages and kept as <see cref="WorkflowDefinition.SourceName"/>.</param>
    /// <exception cref="WorkflowDefinitionException">The JSON is not a valid definition.</exception>
    public static WorkflowDefinition Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), sourceName);
    }

    /// <summary>Parses a definition from raw file bytes (a UTF-8 byte-order mark is allowed).</summary>
    /// <exception cref="WorkflowDefinitionException">The bytes are not a valid definition.</exception>
    public static WorkflowDefinition Parse(byte[] utf8Json, string sourceName)
    {
        var errors = new List<string>();
        var definition = TryParse(utf8Json, sourceName, errors);
        return definition is not null && errors.Count == 0 ? definition : throw new WorkflowDefinitionException(errors);
    }

    /// <summary>Lowercase hex SHA-256, as used for <see cref="WorkflowDefinition.Sha256"/>.</summary>
    public static string ComputeSha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    internal static WorkflowDefinition? TryParse(byte[] utf8Json, string sourceName, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        return new DefinitionReader(sourceName, errors).Read(utf8Json);
    }
}
