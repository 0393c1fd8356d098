using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Web.Identity.Migrations.Sqlite;

[DbContext(typeof(SqliteIdentityStoreContext))]
[Migration("20261123100000_IdentityInitial")]
public sealed class IdentityInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        IdentitySchema.Up(migrationBuilder, IdentityColumnTypes.Sqlite, column => column.Annotation("Sqlite:Autoincrement", true));

    protected override void Down(MigrationBuilder migrationBuilder) => IdentitySchema.Down(migrationBuilder);
}
