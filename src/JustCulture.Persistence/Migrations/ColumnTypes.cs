namespace JustCulture.Persistence.Migrations;

/// <summary>
/// Store types per provider for hand-written migrations. Each provider's migration passes its own
/// instance; the types are the ones EF Core's model produces for that provider (checked by the
/// MigratedSchemaMatchesModel tests).
/// </summary>
internal sealed record ColumnTypes(string Guid, string Text, string Int, string Long, string DateTime, string Date, Func<int, string> VarChar)
{
    public static ColumnTypes Sqlite { get; } = new("TEXT", "TEXT", "INTEGER", "INTEGER", "TEXT", "TEXT", _ => "TEXT");

    public static ColumnTypes Postgres { get; } = new("uuid", "text", "integer", "bigint", "timestamp with time zone", "date",
        length => $"character varying({length})");
}
