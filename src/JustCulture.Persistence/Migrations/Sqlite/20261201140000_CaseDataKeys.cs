using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Sqlite;

[DbContext(typeof(SqliteJustCultureDbContext))]
[Migration("20261201140000_CaseDataKeys")]
public sealed class CaseDataKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CaseDataKeysSchema.Up(migrationBuilder, ColumnTypes.Sqlite, widenStaffRef: false);

        // A key is erased, never replaced (so no one can swap in a key of their own and re-seal a case), and its
        // row stays as the record of the erasure.
        migrationBuilder.Sql($"""
            CREATE TRIGGER case_data_keys_erase_only BEFORE UPDATE ON case_data_keys
            WHEN NOT ({CaseDataKeysSchema.IsErasure})
            BEGIN SELECT RAISE(ABORT, '{CaseDataKeysSchema.RefusedUpdate}'); END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER case_data_keys_no_delete BEFORE DELETE ON case_data_keys
            BEGIN SELECT RAISE(ABORT, '{CaseDataKeysSchema.RefusedDelete}'); END;
            """);
    }

    /// <summary>Erased keys cannot come back, and version 2 entries need their keys to be read: there is no way back.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Sealed personal fields and erased case keys cannot be turned back into clear entries.");
}
