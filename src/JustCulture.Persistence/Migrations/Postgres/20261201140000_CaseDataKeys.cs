using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Postgres;

[DbContext(typeof(PostgresJustCultureDbContext))]
[Migration("20261201140000_CaseDataKeys")]
public sealed class CaseDataKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CaseDataKeysSchema.Up(migrationBuilder, ColumnTypes.Postgres, widenStaffRef: true);

        // Whoever connects, a key is erased, never replaced (so no one can swap in a key of their own and re-seal a
        // case), and its row stays as the record of the erasure. The application's role has no DELETE on it either.
        migrationBuilder.Sql($"""
            CREATE FUNCTION case_data_keys_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NOT ({CaseDataKeysSchema.IsErasure}) THEN
                    RAISE EXCEPTION '{CaseDataKeysSchema.RefusedUpdate}' USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NEW;
            END
            $$;
            CREATE TRIGGER case_data_keys_erase_only BEFORE UPDATE ON case_data_keys
            FOR EACH ROW EXECUTE FUNCTION case_data_keys_erase_only();

            CREATE FUNCTION case_data_keys_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{CaseDataKeysSchema.RefusedDelete}' USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            CREATE TRIGGER case_data_keys_no_delete BEFORE DELETE ON case_data_keys
            FOR EACH ROW EXECUTE FUNCTION case_data_keys_refuse_delete();
            CREATE TRIGGER case_data_keys_no_truncate BEFORE TRUNCATE ON case_data_keys
            FOR EACH STATEMENT EXECUTE FUNCTION case_data_keys_refuse_delete();
            """);
    }

    /// <summary>Erased keys cannot come back, and version 2 entries need their keys to be read: there is no way back.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Sealed personal fields and erased case keys cannot be turned back into clear entries.");
}
