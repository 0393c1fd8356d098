using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
