using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.SqlServer;

/// <summary>SQL Server's form of the case data key insert PostgreSQL and SQLite write with <c>ON CONFLICT DO NOTHING</c>.</summary>
internal static class SqlServerCaseDataKeys
{
    /// <summary>
    /// Adds a case's key unless it has one. UPDLOCK and HOLDLOCK make a second step writing the same case's first
    /// entries wait for the first to commit and then keep its key (or add its own if the first rolled back), as
    /// <c>ON CONFLICT DO NOTHING</c> does — rather than failing on the primary key.
    /// </summary>
    public static Task<int> InsertIfMissingAsync(JustCultureDbContext db, Guid concernId, string wrappedKey, DateTime createdAtUtc, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO case_data_keys (concern_id, wrapped_key, created_at_utc)
            SELECT {concernId}, {wrappedKey}, {createdAtUtc}
            WHERE NOT EXISTS (SELECT 1 FROM case_data_keys WITH (UPDLOCK, HOLDLOCK) WHERE concern_id = {concernId})
            """, ct);
}
