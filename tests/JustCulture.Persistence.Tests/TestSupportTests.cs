using JustCulture.TestSupport;
using Microsoft.Data.Sqlite;

namespace JustCulture.Persistence.Tests;

public class SqliteTestDatabaseTests
{
    [Fact]
    public void DeletesFileGivenDisposeAfterUse()
    {
        string path;
        using (var database = new SqliteTestDatabase())
        {
            path = database.Path;
            database.ConnectionString.ShouldEndWith(";Pooling=False");
            using var connection = new SqliteConnection(database.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "create table t (x int)";
            command.ExecuteNonQuery();
            File.Exists(path).ShouldBeTrue();
        }

        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public void UsesDistinctPathsGivenTwoDatabases()
    {
        using var first = new SqliteTestDatabase();
        using var second = new SqliteTestDatabase();

        first.Path.ShouldNotBe(second.Path);
    }
}

public class RepositoryPathsTests
{
    [Fact]
    public void FindsSolutionGivenTestOutputDirectory()
    {
        File.Exists(Path.Combine(RepositoryPaths.RepoRoot, "JustCulture.sln")).ShouldBeTrue();
        RepositoryPaths.WorkflowsDirectory.ShouldBe(Path.Combine(RepositoryPaths.RepoRoot, "workflows"));
    }
}
