namespace JustCulture.TestSupport;

/// <summary>
/// Collection fixture giving tests the process-wide <see cref="PostgresServer.Shared"/> server. xunit only
/// discovers collection definitions in the test assembly itself, so each test project declares:
/// <code>
/// [CollectionDefinition(PostgresFixture.Collection)]
/// public sealed class PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt;;
/// </code>
/// and marks its classes <c>[Collection(PostgresFixture.Collection)]</c>. The server is started lazily, on the
/// first database asked for, so skipped tests never start it, and stopped when the collection is done.
/// </summary>
public class PostgresFixture : IDisposable
{
    public const string Collection = "postgres";

    /// <summary>The shared server; throws, loudly when required, if PostgreSQL cannot be started.</summary>
    public PostgresServer Server => PostgresServer.Shared;

    /// <summary>A fresh, empty database on the shared server.</summary>
    public Task<string> CreateDatabaseAsync(string namePrefix, CancellationToken cancellationToken = default) =>
        Server.CreateDatabaseAsync(namePrefix, cancellationToken: cancellationToken);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            PostgresServer.StopShared();
        }
    }
}
