using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations;

/// <summary>
/// Headcount snapshots are kept, not overwritten: one row per import of a year in <c>headcount_snapshot_history</c>
/// (the year's current one is the row not yet replaced; its people stay in <c>headcount_snapshots</c>, which reports
/// read), and the people of every replaced snapshot in <c>headcount_snapshot_archive</c>. Shared by the providers'
/// StaffSnapshotHistory migrations, which differ only in store types and two SQL expressions.
/// </summary>
internal static class StaffSnapshotHistorySchema
{
    /// <summary>The SQL that differs by provider in the backfill: making a uuid from text, and the time now in UTC.</summary>
    public sealed record BackfillSql(Func<string, string> Uuid, string UtcNow)
    {
        public static BackfillSql Sqlite { get; } = new(text => text, "strftime('%Y-%m-%d %H:%M:%S', 'now')");

        public static BackfillSql Postgres { get; } = new(text => $"CAST({text} AS uuid)", "now()");
    }

    public static void Up(MigrationBuilder migrationBuilder, ColumnTypes t, BackfillSql sql)
    {
        migrationBuilder.CreateTable(
            name: "headcount_snapshot_history",
            columns: table => new
            {
                id = table.Column<Guid>(type: t.Guid, nullable: false),
                year = table.Column<string>(type: t.VarChar(7), maxLength: 7, nullable: false),
                imported_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
                imported_by = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                source_name = table.Column<string>(type: t.VarChar(200), maxLength: 200, nullable: false),
                row_count = table.Column<int>(type: t.Int, nullable: false),
                white = table.Column<int>(type: t.Int, nullable: false),
                bme = table.Column<int>(type: t.Int, nullable: false),
                not_stated = table.Column<int>(type: t.Int, nullable: false),
                replaced_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_headcount_snapshot_history", x => x.id));
        migrationBuilder.CreateIndex("IX_headcount_snapshot_history_year", "headcount_snapshot_history", "year");

        migrationBuilder.CreateTable(
            name: "headcount_snapshot_archive",
            columns: table => new
            {
                snapshot_id = table.Column<Guid>(type: t.Guid, nullable: false),
                staff_ref = table.Column<string>(type: t.VarChar(32), maxLength: 32, nullable: false),
                ethnic_code = table.Column<string>(type: t.VarChar(8), maxLength: 8, nullable: false),
                wres_group = table.Column<string>(type: t.VarChar(16), maxLength: 16, nullable: false),
                band = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                staff_group = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                directorate = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                start_date = table.Column<DateOnly>(type: t.Date, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_headcount_snapshot_archive", x => new { x.snapshot_id, x.staff_ref }));

        // Years imported before history was kept get one current snapshot each, with who and when taken from the
        // year's last StaffImported log entry. The id is made from the year ("2024-25" → …-000000202425) so the
        // same statement works on both providers without a uuid function.
        const string lastImport = "FROM decision_log d WHERE d.event_type = 'StaffImported' AND d.question LIKE 'Headcount snapshot ' || h.year || ' %' ORDER BY d.sequence DESC LIMIT 1";
        migrationBuilder.Sql($"""
            INSERT INTO headcount_snapshot_history (id, year, imported_at_utc, imported_by, source_name, row_count, white, bme, not_stated, replaced_at_utc)
            SELECT {sql.Uuid("'00000000-0000-0000-0000-000000' || substr(h.year, 1, 4) || substr(h.year, 6, 2)")}, h.year,
                COALESCE((SELECT d.occurred_at_utc {lastImport}), {sql.UtcNow}),
                COALESCE((SELECT d.actor_id {lastImport}), 'unknown'),
                '(imported before snapshot history was kept)',
                COUNT(*),
                SUM(CASE WHEN h.wres_group = 'White' THEN 1 ELSE 0 END),
                SUM(CASE WHEN h.wres_group = 'Bme' THEN 1 ELSE 0 END),
                SUM(CASE WHEN h.wres_group = 'NotStated' THEN 1 ELSE 0 END),
                NULL
            FROM headcount_snapshots h
            GROUP BY h.year;
            """);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("headcount_snapshot_archive");
        migrationBuilder.DropTable("headcount_snapshot_history");
    }
}
