namespace JustCulture.TestSupport;

/// <summary>A clock tests can set and move.</summary>
public sealed class TestClock(DateTime startUtc) : TimeProvider
{
    public DateTime UtcNow { get; set; } = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(UtcNow);

    public void Advance(TimeSpan by) => UtcNow += by;
}
