using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Sqlite;

[DbContext(typeof(SqliteJustCultureDbContext))]
[Migration("20261123090000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        InitialSchema.Up(migrationBuilder, ColumnTypes.Sqlite);

        // The embedded database refuses edits to the log as well; the log's own checks still detect anyone who
        // drops these triggers and edits the file directly.
        migrationBuilder.Sql("""
            CREATE TRIGGER decision_log_no_update BEFORE UPDATE ON decision_log
            BEGIN SELECT RAISE(ABORT, 'decision_log is append-only: UPDATE refused'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER decision_log_no_delete BEFORE DELETE ON decision_log
            BEGIN SELECT RAISE(ABORT, 'decision_log is append-only: DELETE refused'); END;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS decision_log_no_update;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS decision_log_no_delete;");
        InitialSchema.Down(migrationBuilder);
    }
}
