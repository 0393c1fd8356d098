using JustCulture.Persistence;
using JustCulture.Persistence.Upgrades;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Identity;

/// <summary>
/// ASP.NET Core Identity's sign-in data (password hashes, lockout, tokens), in the same database as the
/// product but in its own context: Persistence must not depend on ASP.NET. Roles are not stored here —
/// the product's own users table is the single source of who holds which role.
/// </summary>
public abstract class IdentityStoreContext(DbContextOptions options) : IdentityUserContext<IdentityUser>(options)
{
    public const string MigrationsHistoryTable = "__identity_migrations";

    /// <summary>The one hand-written Identity migration a database may already have; it is adopted by the Baseline.</summary>
    public static HandWrittenHistory HandWrittenHistory { get; } = new(["20261123100000_IdentityInitial"]);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<IdentityUser>().ToTable("identity_users");
        builder.Entity<IdentityUserClaim<string>>().ToTable("identity_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("identity_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("identity_user_tokens");
        SnakeCaseNaming.Apply(builder);
    }

    public static IdentityStoreContext Create(DatabaseLocation database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteIdentityStoreContext(Configure(new DbContextOptionsBuilder<SqliteIdentityStoreContext>(), database).Options),
            DatabaseProvider.SqlServer => new SqlServerIdentityStoreContext(Configure(new DbContextOptionsBuilder<SqlServerIdentityStoreContext>(), database).Options),
            _ => new PostgresIdentityStoreContext(Configure(new DbContextOptionsBuilder<PostgresIdentityStoreContext>(), database).Options),
        };
    }

    /// <summary>A context on an already open connection (to share the caller's transaction).</summary>
    public static IdentityStoreContext Create(DatabaseLocation database, System.Data.Common.DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(connection);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            return new SqliteIdentityStoreContext(new DbContextOptionsBuilder<SqliteIdentityStoreContext>()
                .UseSqlite(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
        }

        if (database.Provider == DatabaseProvider.SqlServer)
        {
            return new SqlServerIdentityStoreContext(new DbContextOptionsBuilder<SqlServerIdentityStoreContext>()
                .UseSqlServer(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
        }

        return new PostgresIdentityStoreContext(new DbContextOptionsBuilder<PostgresIdentityStoreContext>()
            .UseNpgsql(connection, o => o.MigrationsHistoryTable(MigrationsHistoryTable)).Options);
    }

    public static TBuilder Configure<TBuilder>(TBuilder builder, DatabaseLocation database)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        // Same database, separate migration history, so the two contexts migrate independently.
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(database.ConnectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable));
        }
        else if (database.Provider == DatabaseProvider.SqlServer)
        {
            builder.UseSqlServer(database.ConnectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable));
        }
        else
        {
            builder.UseNpgsql(database.ConnectionString, o => o.MigrationsHistoryTable(MigrationsHistoryTable));
        }
        return builder;
    }
}

public sealed class SqliteIdentityStoreContext(DbContextOptions<SqliteIdentityStoreContext> options) : IdentityStoreContext(options);

public sealed class PostgresIdentityStoreContext(DbContextOptions<PostgresIdentityStoreContext> options) : IdentityStoreContext(options);

public sealed class SqlServerIdentityStoreContext(DbContextOptions<SqlServerIdentityStoreContext> options) : IdentityStoreContext(options);
