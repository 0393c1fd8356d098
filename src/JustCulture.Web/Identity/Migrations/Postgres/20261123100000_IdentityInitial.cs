using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace JustCulture.Web.Identity.Migrations.Postgres;

[DbContext(typeof(PostgresIdentityStoreContext))]
[Migration("20261123100000_IdentityInitial")]
public sealed class IdentityInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        IdentitySchema.Up(migrationBuilder, IdentityColumnTypes.Postgres,
            column => column.Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn));

    protected override void Down(MigrationBuilder migrationBuilder) => IdentitySchema.Down(migrationBuilder);
}
