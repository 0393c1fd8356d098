namespace JustCulture.Application.Demo;

/// <summary>A clock the demo seeder moves through the past, so the demo trust's log spans several reporting years.</summary>
internal sealed class SimulatedClock(DateTime startUtc) : TimeProvider
{
    public DateTime UtcNow { get; set; } = startUtc;

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc));
}
