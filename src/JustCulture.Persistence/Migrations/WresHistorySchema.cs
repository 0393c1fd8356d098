using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations;

/// <summary>
/// Imported indicator-3 totals for reporting years before adoption (<c>history import</c>). Shared by the
/// providers' WresHistory migrations, which differ only in store types.
/// </summary>
internal static class WresHistorySchema
{
    public static void Up(MigrationBuilder migrationBuilder, ColumnTypes t) =>
        migrationBuilder.CreateTable(
            name: "wres_history",
            columns: table => new
            {
                year = table.Column<string>(type: t.VarChar(7), maxLength: 7, nullable: false),
                wres_group = table.Column<string>(type: t.VarChar(16), maxLength: 16, nullable: false),
                entering = table.Column<int>(type: t.Int, nullable: false),
                headcount = table.Column<int>(type: t.Int, nullable: false),
                source_name = table.Column<string>(type: t.VarChar(260), maxLength: 260, nullable: false),
                imported_by = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                imported_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_wres_history", x => new { x.year, x.wres_group }));

    public static void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("wres_history");
}
