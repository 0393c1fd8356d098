namespace JustCulture.Persistence.Upgrades;

/// <summary>
/// The migration history that a database built by the hand-written migrations (before the generated
/// <c>Baseline</c>, docs/decisions/0010-generated-migrations.md) carries. A history holding <see cref="Last"/> has
/// exactly the Baseline's schema and is adopted; one that stops earlier must first be upgraded by a version
/// that still has the hand-written migrations.
/// </summary>
/// <param name="MigrationIds">The hand-written migration ids, oldest first.</param>
public sealed record HandWrittenHistory(IReadOnlyList<string> MigrationIds)
{
    /// <summary>The last commit whose migrations were hand-written: the version to upgrade an older database with first.</summary>
    public const string LastHandWrittenCommit = "cac9da2";

    public string Last => MigrationIds[^1];

    /// <summary>The product context's hand-written migrations (both providers had the same ids).</summary>
    public static HandWrittenHistory Product { get; } = new(
    [
        "20261123090000_Initial",
        "20261123100000_WresHistory",
        "20261123120000_InformalPlan",
        "20261201090000_CaseStep",
        "20261201100000_StaffSnapshotHistory",
        "20261201110000_UserLifecycle",
        "20261201120000_ChecklistDrafts",
        "20261201130000_SignedLog",
        "20261201140000_CaseDataKeys",
    ]);
}
