using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Sqlite;

[DbContext(typeof(SqliteJustCultureDbContext))]
[Migration("20261201100000_StaffSnapshotHistory")]
public sealed class StaffSnapshotHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        StaffSnapshotHistorySchema.Up(migrationBuilder, ColumnTypes.Sqlite, StaffSnapshotHistorySchema.BackfillSql.Sqlite);

    protected override void Down(MigrationBuilder migrationBuilder) => StaffSnapshotHistorySchema.Down(migrationBuilder);
}
