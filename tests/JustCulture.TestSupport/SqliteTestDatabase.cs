namespace JustCulture.TestSupport;

/// <summary>
/// A uniquely named SQLite file in the temp directory for one test, deleted (with its -wal/-shm/-journal
/// companions) on dispose. Pooling is off so no pooled connection keeps the file open after the test.
/// </summary>
public sealed class SqliteTestDatabase : IDisposable
{
    public SqliteTestDatabase(string namePrefix = "justculture-test")
    {
        Directory.CreateDirectory(TempDirectory);
        Path = System.IO.Path.Combine(TempDirectory, $"{namePrefix}-{Guid.NewGuid():N}.db");
        ConnectionString = $"Data Source={Path};Pooling=False";
    }

    public static string TempDirectory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "justculture-tests");

    /// <summary>The database file (not created until something opens it).</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        foreach (var suffix in (string[])["", "-wal", "-shm", "-journal"])
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp file must not fail the test.
            }
        }
    }
}
