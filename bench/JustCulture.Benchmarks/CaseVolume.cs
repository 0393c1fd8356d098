using System.Globalization;
using Microsoft.Data.Sqlite;

namespace JustCulture.Benchmarks;

/// <summary>
/// Background volume made fast: copies of one real, finished case (its concern, actions, workflow instances
/// and completed bookmarks, as the application stored them) inserted with raw SQL in one transaction. Every
/// copy gets fresh ids and keeps its foreign keys inside itself; the subject rotates through the team.
/// The decision log is not copied: the step reads only its head and, by concern id, the case's own entries.
/// </summary>
internal static class CaseVolume
{
    public static int Copy(string connectionString, Guid templateConcernId, int copies, IReadOnlyList<string> subjects)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var template = StoredId(templateConcernId);
        var concern = Rows(connection, "SELECT * FROM concerns WHERE id = $id", template).Single();
        var actions = Rows(connection, "SELECT * FROM concern_actions WHERE concern_id = $id", template);
        var instances = Rows(connection, "SELECT * FROM workflow_instances WHERE correlation_id = $id", template);
        var bookmarks = Rows(connection, "SELECT * FROM bookmarks WHERE correlation_id = $id", template);
        if (actions.Count == 0 || instances.Count != actions.Count || bookmarks.Count == 0)
        {
            throw new InvalidOperationException($"Template case {templateConcernId} is not a whole case: {actions.Count} actions, {instances.Count} instances, {bookmarks.Count} bookmarks.");
        }

        using var transaction = connection.BeginTransaction();
        using var insertConcern = Insert(connection, transaction, "concerns", concern);
        using var insertAction = Insert(connection, transaction, "concern_actions", actions[0]);
        using var insertInstance = Insert(connection, transaction, "workflow_instances", instances[0]);
        using var insertBookmark = Insert(connection, transaction, "bookmarks", bookmarks[0]);
        var rows = 0;
        for (var copy = 0; copy < copies; copy++)
        {
            var concernId = NewId();
            var instanceIds = instances.ToDictionary(i => (string)i["id"]!, _ => NewId(), StringComparer.Ordinal);
            rows += Run(insertConcern, concern, new() { ["id"] = concernId, ["subject_staff_ref"] = subjects[copy % subjects.Count] });
            foreach (var action in actions)
            {
                rows += Run(insertAction, action, new() { ["id"] = NewId(), ["concern_id"] = concernId, ["workflow_instance_id"] = instanceIds[(string)action["workflow_instance_id"]!] });
            }

            foreach (var instance in instances)
            {
                rows += Run(insertInstance, instance, new() { ["id"] = instanceIds[(string)instance["id"]!], ["correlation_id"] = concernId });
            }

            foreach (var bookmark in bookmarks)
            {
                rows += Run(insertBookmark, bookmark, new() { ["id"] = NewId(), ["workflow_instance_id"] = instanceIds[(string)bookmark["workflow_instance_id"]!], ["correlation_id"] = concernId });
            }
        }

        transaction.Commit();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        checkpoint.ExecuteNonQuery();
        return rows;
    }

    /// <summary>How EF Core's SQLite provider stores a Guid: upper-case text.</summary>
    public static string StoredId(Guid id) => id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();

    private static string NewId() => StoredId(Guid.NewGuid());

    private static List<Dictionary<string, object?>> Rows(SqliteConnection connection, string sql, string id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, Dictionary<string, object?> shape)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var columns = shape.Keys.ToList();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var column in columns)
        {
            command.Parameters.Add(new SqliteParameter("$" + column, null));
        }

        command.Prepare();
        return command;
    }

    private static int Run(SqliteCommand insert, Dictionary<string, object?> template, Dictionary<string, object?> changes)
    {
        foreach (var (column, value) in template)
        {
            insert.Parameters["$" + column].Value = (changes.TryGetValue(column, out var changed) ? changed : value) ?? DBNull.Value;
        }

        return insert.ExecuteNonQuery();
    }
}
