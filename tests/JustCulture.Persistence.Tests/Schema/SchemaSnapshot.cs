using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Schema;

/// <summary>
/// A database's schema read back by introspection, as comparable facts: a key naming one object
/// (<c>column staff.name</c>, <c>index concerns.IX_concerns_status</c>) and a description of everything about
/// it that matters (type, nullability, primary-key position, columns, uniqueness, referenced table, on-delete).
/// Only tables, columns, keys and indexes are read: EF's own <c>__EF…</c> tables and the triggers and functions
/// the migrations add to protect the decision log (which the model knows nothing about) are left out.
/// </summary>
public sealed class SchemaSnapshot
{
    private SchemaSnapshot(SortedDictionary<string, string> facts) => Facts = facts;

    public IReadOnlyDictionary<string, string> Facts { get; }

    public IEnumerable<string> Tables => Facts.Keys
        .Where(k => k.StartsWith("table ", StringComparison.Ordinal))
        .Select(k => k["table ".Length..]);

    public static async Task<SchemaSnapshot> ReadAsync(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            if (db.Database.IsSqlite())
            {
                await ReadSqliteAsync(connection, facts);
            }
            else if (db.Database.IsNpgsql())
            {
                await ReadPostgresAsync(connection, facts);
            }
            else if (db.Database.IsSqlServer())
            {
                await ReadSqlServerAsync(connection, facts);
            }
            else
            {
                throw new NotSupportedException($"No schema reader for {db.Database.ProviderName}.");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new SchemaSnapshot(facts);
    }

    /// <summary>Only the facts about the given tables (for a context that shares its database with others).</summary>
    public SchemaSnapshot Only(IReadOnlySet<string> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Facts)
        {
            if (tables.Contains(TableOf(key)))
            {
                facts[key] = value;
            }
        }

        return new SchemaSnapshot(facts);
    }

    /// <summary>The table a fact is about: <c>table t</c>, <c>column t.c</c>, <c>index t.i</c>, <c>constraint t.c</c>, <c>foreign key t(c)</c>.</summary>
    private static string TableOf(string key)
    {
        var rest = key[(key.StartsWith("foreign key ", StringComparison.Ordinal) ? "foreign key ".Length : key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var end = rest.IndexOfAny(['.', '(']);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>Every fact, one per line: what a failing comparison is read against.</summary>
    public override string ToString() => string.Join('\n', Facts.Select(f => $"{f.Key}: {f.Value}"));

    private static bool IsEfInternal(string table) => table.StartsWith("__EF", StringComparison.Ordinal);

    private static async Task ReadSqliteAsync(DbConnection connection, SortedDictionary<string, string> facts)
    {
        var tables = (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
            .Select(row => Text(row[0]))
            .Where(name => !name.StartsWith("sqlite_", StringComparison.Ordinal) && !IsEfInternal(name))
            .ToList();
        foreach (var table in tables)
        {
            facts[$"table {table}"] = "exists";
            foreach (var column in await QueryAsync(connection, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(@table)", ("@table", table)))
            {
                var pk = Number(column[4]);
                facts[$"column {table}.{Text(column[0])}"] = string.Join(", ",
                    $"type {Text(column[1])}",
                    Number(column[2]) == 1 ? "not null" : "null",
                    pk == 0 ? "not in primary key" : $"primary key #{pk}",
                    $"default {column[3] ?? "none"}");
            }

            foreach (var index in await QueryAsync(connection, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(@table)", ("@table", table)))
            {
                var name = Text(index[0]);
                var columns = (await QueryAsync(connection, "SELECT name FROM pragma_index_info(@index) ORDER BY seqno", ("@index", name)))
                    .Select(row => Text(row[0]));
                facts[$"index {table}.{name}"] = string.Join(", ",
                    $"on ({string.Join(", ", columns)})",
                    Number(index[1]) == 1 ? "unique" : "not unique",
                    $"origin {Text(index[2])}",
                    Number(index[3]) == 1 ? "partial" : "whole table");
            }

            // SQLite keeps no foreign-key names it will report, so a foreign key is known by its columns.
            var foreignKeys = await QueryAsync(connection,
                "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" FROM pragma_foreign_key_list(@table) ORDER BY id, seq", ("@table", table));
            foreach (var foreignKey in foreignKeys.GroupBy(row => Number(row[0])))
            {
                var rows = foreignKey.ToList();
                var from = string.Join(", ", rows.Select(row => Text(row[2])));
                var to = string.Join(", ", rows.Select(row => Text(row[3])));
                facts[$"foreign key {table}({from})"] = $"references {Text(rows[0][1])}({to}), on delete {Text(rows[0][5])}, on update {Text(rows[0][4])}, match {Text(rows[0][6])}";
            }
        }
    }

    private static async Task ReadPostgresAsync(DbConnection connection, SortedDictionary<string, string> facts)
    {
        var tables = (await QueryAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            .Select(row => Text(row[0]))
            .Where(name => !IsEfInternal(name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            facts[$"table {table}"] = "exists";
        }

        var columns = await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
                   datetime_precision, is_nullable, column_default, is_identity, collation_name
            FROM information_schema.columns
            WHERE table_schema = 'public'
            """);
        foreach (var column in columns.Where(row => tables.Contains(Text(row[0]))))
        {
            facts[$"column {Text(column[0])}.{Text(column[1])}"] = string.Join(", ",
                $"type {Text(column[2])}",
                $"max length {column[3] ?? "none"}",
                $"precision {column[4] ?? "none"}/{column[5] ?? "none"}/{column[6] ?? "none"}",
                Text(column[7]) == "NO" ? "not null" : "null",
                $"default {column[8] ?? "none"}",
                $"identity {Text(column[9])}",
                $"collation {column[10] ?? "default"}");
        }

        // Primary keys, foreign keys (with their on-delete action), unique and check constraints, by name.
        var constraints = await QueryAsync(connection, """
            SELECT rel.relname, con.conname, con.contype::text, pg_get_constraintdef(con.oid, true)
            FROM pg_constraint con
            JOIN pg_class rel ON rel.oid = con.conrelid
            JOIN pg_namespace ns ON ns.oid = rel.relnamespace
            WHERE ns.nspname = 'public'
            """);
        foreach (var constraint in constraints.Where(row => tables.Contains(Text(row[0]))))
        {
            var kind = Text(constraint[2]) switch
            {
                "p" => "primary key",
                "f" => "foreign key",
                "u" => "unique",
                "c" => "check",
                var other => other,
            };
            facts[$"constraint {Text(constraint[0])}.{Text(constraint[1])}"] = $"{kind}: {Text(constraint[3])}";
        }

        foreach (var index in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
        {
            if (tables.Contains(Text(index[0])))
            {
                facts[$"index {Text(index[0])}.{Text(index[1])}"] = Text(index[2]);
            }
        }
    }

    /// <summary>
    /// SQL Server, in the connection's default schema: base tables only (the views that keep log tables from being
    /// truncated are left out, as triggers are), columns with identity, keys and foreign keys by name, indexes with
    /// their key columns, inclusions and filters. Default constraints are known by their definition, not their
    /// (server-made) names.
    /// </summary>
    private static async Task ReadSqlServerAsync(DbConnection connection, SortedDictionary<string, string> facts)
    {
        var tables = (await QueryAsync(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA_NAME() AND TABLE_TYPE = 'BASE TABLE'"))
            .Select(row => Text(row[0]))
            .Where(name => !IsEfInternal(name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            facts[$"table {table}"] = "exists";
        }

        var columns = await QueryAsync(connection, """
            SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,
                   DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT,
                   COLUMNPROPERTY(OBJECT_ID(QUOTENAME(TABLE_SCHEMA) + '.' + QUOTENAME(TABLE_NAME)), COLUMN_NAME, 'IsIdentity'), COLLATION_NAME
            FROM INFORMATION_SCHEMA.COLUMNS
            WHERE TABLE_SCHEMA = SCHEMA_NAME()
            """);
        foreach (var column in columns.Where(row => tables.Contains(Text(row[0]))))
        {
            facts[$"column {Text(column[0])}.{Text(column[1])}"] = string.Join(", ",
                $"type {Text(column[2])}",
                $"max length {column[3] ?? "none"}",
                $"precision {column[4] ?? "none"}/{column[5] ?? "none"}/{column[6] ?? "none"}",
                Text(column[7]) == "NO" ? "not null" : "null",
                $"default {column[8] ?? "none"}",
                $"identity {column[9] ?? "none"}",
                $"collation {column[10] ?? "default"}");
        }

        var keys = await QueryAsync(connection, """
            SELECT t.name, k.name, k.type_desc,
                   STRING_AGG(c.name, ', ') WITHIN GROUP (ORDER BY ic.key_ordinal)
            FROM sys.key_constraints k
            JOIN sys.tables t ON t.object_id = k.parent_object_id
            JOIN sys.index_columns ic ON ic.object_id = k.parent_object_id AND ic.index_id = k.unique_index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE t.schema_id = SCHEMA_ID()
            GROUP BY t.name, k.name, k.type_desc
            """);
        foreach (var key in keys.Where(row => tables.Contains(Text(row[0]))))
        {
            facts[$"constraint {Text(key[0])}.{Text(key[1])}"] = $"{Text(key[2])} ({Text(key[3])})";
        }

        var foreignKeys = await QueryAsync(connection, """
            SELECT t.name, f.name, rt.name, f.delete_referential_action_desc, f.update_referential_action_desc,
                   STRING_AGG(pc.name, ', ') WITHIN GROUP (ORDER BY fc.constraint_column_id),
                   STRING_AGG(rc.name, ', ') WITHIN GROUP (ORDER BY fc.constraint_column_id)
            FROM sys.foreign_keys f
            JOIN sys.tables t ON t.object_id = f.parent_object_id
            JOIN sys.tables rt ON rt.object_id = f.referenced_object_id
            JOIN sys.foreign_key_columns fc ON fc.constraint_object_id = f.object_id
            JOIN sys.columns pc ON pc.object_id = fc.parent_object_id AND pc.column_id = fc.parent_column_id
            JOIN sys.columns rc ON rc.object_id = fc.referenced_object_id AND rc.column_id = fc.referenced_column_id
            WHERE t.schema_id = SCHEMA_ID()
            GROUP BY t.name, f.name, rt.name, f.delete_referential_action_desc, f.update_referential_action_desc
            """);
        foreach (var foreignKey in foreignKeys.Where(row => tables.Contains(Text(row[0]))))
        {
            facts[$"constraint {Text(foreignKey[0])}.{Text(foreignKey[1])}"] =
                $"foreign key ({Text(foreignKey[5])}) references {Text(foreignKey[2])}({Text(foreignKey[6])}), on delete {Text(foreignKey[3])}, on update {Text(foreignKey[4])}";
        }

        var indexes = await QueryAsync(connection, """
            SELECT t.name, i.name, i.type_desc, i.is_unique, i.is_primary_key, i.filter_definition,
                   STRING_AGG(CASE WHEN ic.is_included_column = 0 THEN c.name + CASE WHEN ic.is_descending_key = 1 THEN ' desc' ELSE '' END END, ', ')
                       WITHIN GROUP (ORDER BY ic.key_ordinal),
                   STRING_AGG(CASE WHEN ic.is_included_column = 1 THEN c.name END, ', ') WITHIN GROUP (ORDER BY c.name)
            FROM sys.indexes i
            JOIN sys.tables t ON t.object_id = i.object_id
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE t.schema_id = SCHEMA_ID() AND i.type > 0
            GROUP BY t.name, i.name, i.type_desc, i.is_unique, i.is_primary_key, i.filter_definition
            """);
        foreach (var index in indexes.Where(row => tables.Contains(Text(row[0]))))
        {
            facts[$"index {Text(index[0])}.{Text(index[1])}"] = string.Join(", ",
                $"on ({Text(index[6])})",
                $"include ({Text(index[7])})",
                Text(index[2]).ToLowerInvariant(),
                Convert.ToBoolean(index[3], CultureInfo.InvariantCulture) ? "unique" : "not unique",
                Convert.ToBoolean(index[4], CultureInfo.InvariantCulture) ? "primary key" : "not primary key",
                $"filter {index[5] ?? "none"}");
        }
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Every caller passes a constant; values go in as parameters.")]
    private static async Task<List<object?[]>> QueryAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

    private static long Number(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
