using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence;

/// <summary>
/// The PostgreSQL role the application connects as (docs/decisions/0008-a-log-no-insider-can-rewrite.md): it may
/// read and write the case tables, but may only read and add to the decision log's entries, leaves and tree
/// heads — no UPDATE, DELETE or TRUNCATE — and, not owning them, cannot drop their triggers. Migrations run as the
/// owner, who then grants this. Idempotent: run after every migration (new tables get their grants).
/// </summary>
public static partial class PostgresAppRole
{
    /// <summary>Tables that only ever grow.</summary>
    public static readonly IReadOnlyList<string> AppendOnlyTables = ["decision_log", "decision_log_leaves", "decision_log_tree_heads"];

    /// <summary>Rows that may be erased in place but never removed: SELECT, INSERT, UPDATE only.</summary>
    public const string EraseOnlyTable = "case_data_keys";

    public static async Task GrantAsync(JustCultureDbContext db, string role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            throw new FormatException("Application roles are for PostgreSQL; the embedded SQLite file has no roles (its triggers guard the log).");
        }

        if (!RoleName().IsMatch(role ?? string.Empty))
        {
            throw new FormatException($"'{role}' is not a role name: use lower-case letters, digits and underscores, starting with a letter.");
        }

        var facts = await db.Database.SqlQuery<RoleFacts>($"""
            SELECT r.rolsuper AS "IsSuperuser", (r.rolname = current_user) AS "IsCurrentUser",
                   EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = current_schema() AND t.tableowner = r.rolname) AS "OwnsTables"
            FROM pg_roles r WHERE r.rolname = {role}
            """).ToListAsync(cancellationToken);
        if (facts.Count == 0)
        {
            throw new FormatException($"There is no role '{role}'. Create it first, as a database administrator: CREATE ROLE {role} LOGIN PASSWORD '…';");
        }

        if (facts[0].IsSuperuser || facts[0].IsCurrentUser || facts[0].OwnsTables)
        {
            throw new FormatException($"'{role}' is a superuser, the role running this command, or owns tables: the application must connect as a role that owns nothing.");
        }

        // The name was checked against the pattern above, so quoting it is enough to build the statements.
        var r = $"\"{role}\"";
        var statements = new List<string>
        {
            $"GRANT USAGE ON SCHEMA {Schema} TO {r}",
            $"REVOKE ALL ON ALL TABLES IN SCHEMA {Schema} FROM {r}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {Schema} TO {r}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {Schema} TO {r}",
            $"REVOKE INSERT, UPDATE, DELETE ON \"__EFMigrationsHistory\" FROM {r}",
            // The sequencer takes queued entries off the queue; nobody changes one.
            $"REVOKE UPDATE ON decision_log_queue FROM {r}",
        };
        statements.AddRange(AppendOnlyTables.Select(t => $"REVOKE UPDATE, DELETE, TRUNCATE ON {t} FROM {r}"));
        // Case data keys are made and erased (an UPDATE its trigger allows only to NULL), never deleted.
        statements.Add($"REVOKE DELETE, TRUNCATE ON {EraseOnlyTable} FROM {r}");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var statement in statements)
        {
#pragma warning disable EF1002 // The role is validated against a strict pattern and quoted; the rest is constant.
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
#pragma warning restore EF1002
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private const string Schema = "public";

    private sealed record RoleFacts(bool IsSuperuser, bool IsCurrentUser, bool OwnsTables);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleName();
}
