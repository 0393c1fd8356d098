using System.Data;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JustCulture.Persistence;

/// <summary>
/// The SQL Server database user the application connects as (docs/decisions/0011-sql-server.md), the counterpart of
/// <see cref="PostgresAppRole"/>: it may read and write the case tables, but may only read and add to the decision
/// log's entries, leaves and tree heads, never change a queue row, never delete a case data key — and, with no ALTER
/// on the schema, cannot drop, alter or disable the triggers, nor truncate. Refused for a user that is dbo, in
/// db_owner, db_ddladmin or db_securityadmin, a sysadmin, the user running this, or owns anything, because the
/// server does not apply DENY to such users or they could grant themselves back. Run as the owner after every
/// migration; idempotent. After granting, the user's effective rights are checked by impersonating it.
/// </summary>
public static partial class SqlServerAppLogin
{
    private const string Schema = "dbo";

    /// <summary>Each table of the log and the rights the application must not have on it.</summary>
    public static readonly IReadOnlyList<(string Table, string[] Refused)> Refusals =
    [
        .. PostgresAppRole.AppendOnlyTables.Select(t => (t, (string[])["ALTER", "UPDATE", "DELETE"])),
        ("decision_log_queue", ["ALTER", "UPDATE"]),
        (PostgresAppRole.EraseOnlyTable, ["ALTER", "DELETE"]),
    ];

    /// <param name="principal">The application's login (as in its connection string's User ID) or its database user.</param>
    public static async Task GrantAsync(JustCultureDbContext db, string principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlServer())
        {
            throw new FormatException("This grants a SQL Server database user; use PostgresAppRole for PostgreSQL.");
        }

        if (!PrincipalName().IsMatch(principal ?? string.Empty))
        {
            throw new FormatException($"'{principal}' is not a login or user name: use letters, digits and _ . - @ \\, starting with a letter.");
        }

        var facts = await db.Database.SqlQuery<UserFacts>($"""
            SELECT dp.name AS "UserName",
                   CAST(CASE WHEN dp.principal_id = 1 OR dp.name = USER_NAME() THEN 1 ELSE 0 END AS bit) AS "IsOwnerOrSelf",
                   CAST(COALESCE(IS_ROLEMEMBER('db_owner', dp.name), 0) | COALESCE(IS_ROLEMEMBER('db_ddladmin', dp.name), 0)
                        | COALESCE(IS_ROLEMEMBER('db_securityadmin', dp.name), 0)
                        | COALESCE(IS_SRVROLEMEMBER('sysadmin', SUSER_SNAME(dp.sid)), 0) AS bit) AS "IsAdministrator",
                   CAST(CASE WHEN EXISTS (SELECT 1 FROM sys.schemas s WHERE s.principal_id = dp.principal_id)
                              OR EXISTS (SELECT 1 FROM sys.objects o WHERE o.principal_id = dp.principal_id) THEN 1 ELSE 0 END AS bit) AS "OwnsObjects"
            FROM sys.database_principals dp
            WHERE dp.type IN ('S', 'U', 'G', 'E', 'X') AND (dp.name = {principal} OR dp.sid = SUSER_SID({principal}))
            """).ToListAsync(cancellationToken);
        if (facts.Count == 0)
        {
            throw new FormatException($"There is no database user for '{principal}'. Create it first, as a database administrator: CREATE USER [{principal}] FOR LOGIN [{principal}];");
        }

        var user = facts[0];
        if (user.IsOwnerOrSelf || user.IsAdministrator || user.OwnsObjects)
        {
            throw new FormatException($"'{user.UserName}' is dbo, the user running this command, a member of db_owner, db_ddladmin, db_securityadmin or sysadmin, or owns a schema or object: the application must connect as a user that administers and owns nothing.");
        }

        // The name was checked against the pattern above (no ']' in it), so bracket-quoting it is enough.
        var u = $"[{user.UserName}]";
        var statements = new List<string>
        {
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::{Schema} TO {u}",
            // No ALTER: no ALTER TABLE, DISABLE or DROP TRIGGER, TRUNCATE, nor dropping the views that block it.
            $"DENY ALTER ON SCHEMA::{Schema} TO {u}",
        };
        statements.AddRange(Refusals.Select(r => $"DENY {string.Join(", ", r.Refused.Where(p => p != "ALTER"))} ON {Schema}.{r.Table} TO {u}"));
        foreach (var history in (string[])["__EFMigrationsHistory", "__identity_migrations"])
        {
            statements.Add($"IF OBJECT_ID(N'{Schema}.{history}') IS NOT NULL DENY INSERT, UPDATE, DELETE ON {Schema}.[{history}] TO {u}");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var statement in statements)
            {
#pragma warning disable EF1002 // The user name comes from sys.database_principals, matched a strict pattern and is bracket-quoted; the rest is constant.
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
#pragma warning restore EF1002
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var kept = await RightsItMustNotHaveAsync(db, user.UserName, cancellationToken);
        if (kept.Count > 0)
        {
            throw new FormatException($"'{user.UserName}' can still {string.Join(", ", kept)}: it must get its rights only from this command (take it out of other roles that grant them).");
        }
    }

    /// <summary>What the user can still do to the log, checked as the user (<c>EXECUTE AS USER</c>, <c>HAS_PERMS_BY_NAME</c>).</summary>
    public static async Task<IReadOnlyList<string>> RightsItMustNotHaveAsync(JustCultureDbContext db, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pairs = string.Join(", ", Refusals.SelectMany(r => r.Refused.Select(p => $"(N'{r.Table}', N'{p}')")));
        var kept = new List<string>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"""
                EXECUTE AS USER = @user;
                SELECT r.permission + N' ' + r.table_name
                FROM (VALUES {pairs}) AS r(table_name, permission)
                WHERE HAS_PERMS_BY_NAME(N'{Schema}.' + r.table_name, N'OBJECT', r.permission) = 1;
                REVERT;
                """;
            command.Parameters.Add(new SqlParameter("@user", SqlDbType.NVarChar, 128) { Value = userName });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                kept.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return kept;
    }

    private sealed record UserFacts(string UserName, bool IsOwnerOrSelf, bool IsAdministrator, bool OwnsObjects);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.@\\-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrincipalName();
}
