using JustCulture.TestSupport;

namespace JustCulture.Web.Tests.Hosting;

/// <summary>
/// Seeding the demo trust (about 1,700 staff, ~130 walked concerns) takes seconds, so it happens once per test
/// run: the app itself migrates and seeds a template SQLite file on its first start, and each test class gets
/// its own copy of that file.
/// </summary>
public static class DemoDatabase
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// A fresh SQLite file holding the seeded demo trust and the demo sign-ins, owned by the caller, with a copy of
    /// the template's log key and checkpoints beside it (where the app looks for them by default): the entries
    /// are sealed and signed with that key, so a copy without it would fail verification.
    /// </summary>
    public static async Task<SqliteTestDatabase> CopyAsync(string namePrefix)
    {
        var template = await Template.Value;
        var copy = new SqliteTestDatabase(namePrefix);
        foreach (var suffix in (string[])["", "-wal", ".log-key.pem", ".log-key.pub.pem"])
        {
            if (File.Exists(template + suffix))
            {
                File.Copy(template + suffix, copy.Path + suffix);
            }
        }

        var checkpoints = template + ".checkpoints";
        if (Directory.Exists(checkpoints))
        {
            Directory.CreateDirectory(copy.Path + ".checkpoints");
            foreach (var file in Directory.EnumerateFiles(checkpoints))
            {
                File.Copy(file, Path.Combine(copy.Path + ".checkpoints", Path.GetFileName(file)));
            }
        }

        return copy;
    }

    /// <summary>The database setting the web app reads for a SQLite file.</summary>
    public static string SqliteSetting(SqliteTestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return $"sqlite:{database.ConnectionString}";
    }

    private static async Task<string> CreateTemplateAsync()
    {
        // Deliberately never disposed: the template lives for the whole run and is deleted with the temp directory.
        var template = new SqliteTestDatabase("web-demo-template");
        await using (var factory = new JustCultureWebFactory(SqliteSetting(template)))
        {
            // Starting the host runs Program: migrate both schemas, seed the demo trust and the demo sign-ins.
            _ = factory.Services;
        }

        File.Exists(template.Path).ShouldBeTrue("the web app did not create its SQLite database");
        return template.Path;
    }
}
