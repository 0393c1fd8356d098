using JustCulture.Application.Common;
using JustCulture.Application.Demo;
using JustCulture.Persistence;
using JustCulture.Persistence.Upgrades;
using JustCulture.Web.Api;
using JustCulture.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Hosting;

public static partial class DatabasePreparation
{
    /// <summary>
    /// Migrates the product and Identity schemas and, outside Production, fills an empty database with
    /// the demo trust and one sign-in account per role.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabasePreparation));
        var options = services.GetRequiredService<IOptions<JustCultureWebOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.MigrationDatabase))
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            await SchemaUpgrade.MigrateAsync(services.GetRequiredService<IdentityStoreContext>(), IdentityStoreContext.HandWrittenHistory);
        }
        else
        {
            await MigrateAsOwnerAsync(services.GetRequiredService<DatabaseLocation>(), DatabaseLocation.Parse(options.MigrationDatabase));
        }

        if (!options.SeedDemo || await services.GetRequiredService<JustCultureDbContext>().Staff.AnyAsync())
        {
            return;
        }

        if (app.Environment.IsProduction())
        {
            LogDemoRefused(logger);
            return;
        }

        LogSeeding(logger);
        var seeded = await SeedDemoAsync(services, options.DemoPassword);
        LogSeeded(logger, seeded.Staff, seeded.Concerns);
    }

    /// <summary>
    /// The demo trust and its sign-ins in one transaction: killed or failing part-way, the database is left empty
    /// and the next start seeds it again from the beginning.
    /// </summary>
    private static async Task<DemoSeedResult> SeedDemoAsync(IServiceProvider services, string password)
    {
        var db = services.GetRequiredService<JustCultureDbContext>();
        var signIns = services.GetRequiredService<JustCulture.Application.Users.ISignInAccounts>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync();
        foreach (var account in DemoAccountGuard.DemoAccounts)
        {
            await signIns.CreateAsync(account, password, db.Database.GetDbConnection(), transaction.GetDbTransaction(), CancellationToken.None);
        }

        await transaction.CommitAsync();
        return seeded;
    }

    /// <summary>
    /// Migrates as the owner, then grants the application's own role (the user of its connection string) what it
    /// needs and no more — so the role the app works as cannot change or remove what the log holds.
    /// </summary>
    private static async Task MigrateAsOwnerAsync(DatabaseLocation app, DatabaseLocation owner)
    {
        if (app.Provider != owner.Provider || app.Provider == DatabaseProvider.Sqlite)
        {
            throw new FormatException("JustCulture:MigrationDatabase is for PostgreSQL and SQL Server: it and JustCulture:Database must both be postgres: or both sqlserver: connections.");
        }

        await using (var db = owner.CreateContext())
        {
            await new DatabaseMigrator(db, owner).MigrateAsync();
            await using (var identity = IdentityStoreContext.Create(owner))
            {
                await SchemaUpgrade.MigrateAsync(identity, IdentityStoreContext.HandWrittenHistory);
            }

            if (app.Provider == DatabaseProvider.SqlServer)
            {
                await SqlServerAppLogin.GrantAsync(db, SqlServerAppUser(app));
                return;
            }

            var role = new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString).Username
                ?? throw new FormatException("JustCulture:Database names no Username: the role the application connects as.");
            await PostgresAppRole.GrantAsync(db, role);
        }
    }

    /// <summary>The SQL Server login the application connects as (SQL authentication: its User ID).</summary>
    private static string SqlServerAppUser(DatabaseLocation app) =>
        new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(app.ConnectionString).UserID is { Length: > 0 } login
            ? login
            : throw new FormatException("JustCulture:Database names no User ID: with JustCulture:MigrationDatabase on SQL Server, the application connects with a login of its own.");

    /// <summary>Creates the Identity account that lets an existing product user sign in.</summary>
    public static async Task CreateSignInAsync(UserManager<IdentityUser> users, string userId, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        var result = await users.CreateAsync(new IdentityUser(userId), password);
        if (!result.Succeeded)
        {
            throw UseCaseException.Invalid($"Could not create a sign-in for {userId}.", result.Errors.Select(e => e.Description).ToList());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data is never seeded in Production; the database stays empty.")]
    private static partial void LogDemoRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty database: seeding the demo trust")]
    private static partial void LogSeeding(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo trust seeded: {Staff} staff, {Concerns} concerns")]
    private static partial void LogSeeded(ILogger logger, int staff, int concerns);
}
