using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Postgres;

[DbContext(typeof(PostgresJustCultureDbContext))]
[Migration("20261123090000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        InitialSchema.Up(migrationBuilder, ColumnTypes.Postgres);

        // The server database itself refuses to change or remove log entries, whoever connects.
        migrationBuilder.Sql("""
            CREATE FUNCTION decision_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'decision_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER decision_log_no_update_delete BEFORE UPDATE OR DELETE ON decision_log
            FOR EACH ROW EXECUTE FUNCTION decision_log_refuse_change();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER decision_log_no_truncate BEFORE TRUNCATE ON decision_log
            FOR EACH STATEMENT EXECUTE FUNCTION decision_log_refuse_change();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER decision_log_head_no_delete BEFORE DELETE OR TRUNCATE ON decision_log_head
            FOR EACH STATEMENT EXECUTE FUNCTION decision_log_refuse_change();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS decision_log_head_no_delete ON decision_log_head;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS decision_log_no_truncate ON decision_log;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS decision_log_no_update_delete ON decision_log;");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS decision_log_refuse_change();");
        InitialSchema.Down(migrationBuilder);
    }
}
