using JustCulture.TestSupport;

namespace JustCulture.Web.Tests;

/// <summary>Every test class using the throwaway PostgreSQL server joins this collection.</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
