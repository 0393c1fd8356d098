using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations.Postgres;

[DbContext(typeof(PostgresJustCultureDbContext))]
[Migration("20261201100000_StaffSnapshotHistory")]
public sealed class StaffSnapshotHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        StaffSnapshotHistorySchema.Up(migrationBuilder, ColumnTypes.Postgres, StaffSnapshotHistorySchema.BackfillSql.Postgres);

    protected override void Down(MigrationBuilder migrationBuilder) => StaffSnapshotHistorySchema.Down(migrationBuilder);
}
