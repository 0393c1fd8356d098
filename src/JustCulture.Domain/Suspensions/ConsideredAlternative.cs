namespace JustCulture.Domain.Suspensions;

/// <summary>One less restrictive measure a suspension proposal considered, and why it will not do.</summary>
public sealed class ConsideredAlternative
{
    private ConsideredAlternative()
    {
        WhyNot = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid SuspensionId { get; private set; }
    public int Ordinal { get; private set; }
    public SuspensionAlternative Alternative { get; private set; }

    /// <summary>What the measure is, for <see cref="SuspensionAlternative.Other"/>.</summary>
    public string? Description { get; private set; }

    public string WhyNot { get; private set; }

    internal static ConsideredAlternative Create(Guid suspensionId, int ordinal, SuspensionAlternative alternative, string? description, string whyNot) => new()
    {
        Id = Guid.NewGuid(),
        SuspensionId = suspensionId,
        Ordinal = ordinal,
        Alternative = alternative,
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(),
        WhyNot = whyNot.Trim(),
    };
}
