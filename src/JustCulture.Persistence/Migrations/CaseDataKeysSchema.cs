using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations;

/// <summary>
/// Crypto-shredding of the log's personal fields (docs/log-format.md §1.4): entries gain their leaf version
/// (every existing entry is version 1, hashed as before), room for a sealed staff ref, and each case gets a data
/// key row that can be erased but never replaced or deleted. Shared by both providers' CaseDataKeys migrations,
/// which add their own protection of the key table.
/// </summary>
internal static class CaseDataKeysSchema
{
    /// <param name="widenStaffRef">False on SQLite, whose TEXT has no length to widen (and rebuilding the log's
    /// table there would drop its triggers).</param>
    public static void Up(MigrationBuilder migrationBuilder, ColumnTypes t, bool widenStaffRef)
    {
        migrationBuilder.AddColumn<int>("leaf_version", "decision_log", type: t.Int, nullable: false, defaultValue: 1);
        if (widenStaffRef)
        {
            migrationBuilder.AlterColumn<string>("subject_staff_ref", "decision_log", type: t.VarChar(128), maxLength: 128, nullable: true,
                oldClrType: typeof(string), oldType: t.VarChar(32), oldMaxLength: 32, oldNullable: true);
        }

        migrationBuilder.CreateTable(
            name: "case_data_keys",
            columns: table => new
            {
                concern_id = table.Column<Guid>(type: t.Guid, nullable: false),
                wrapped_key = table.Column<string>(type: t.VarChar(128), maxLength: 128, nullable: true),
                created_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
                erased_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_case_data_keys", x => x.concern_id));
    }

    /// <summary>
    /// The one change a key row may take: from a key to none, with the time, and nothing else about it changed.
    /// A SQL condition over OLD and NEW, the same on both providers.
    /// </summary>
    public const string IsErasure =
        "OLD.wrapped_key IS NOT NULL AND NEW.wrapped_key IS NULL AND NEW.erased_at_utc IS NOT NULL "
        + "AND NEW.concern_id = OLD.concern_id AND NEW.created_at_utc = OLD.created_at_utc";

    public const string RefusedUpdate = "case_data_keys: a key can only be erased (wrapped_key set to NULL, with erased_at_utc), never replaced or changed";
    public const string RefusedDelete = "case_data_keys: a key row is never deleted (erasing keeps the record of the erasure)";
}
