using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrganisationHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "organisation_history",
                columns: table => new
                {
                    organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    year = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    wres_group = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    entering = table.Column<int>(type: "INTEGER", nullable: false),
                    headcount = table.Column<int>(type: "INTEGER", nullable: false),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_history", x => new { x.year, x.organisation, x.wres_group });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisation_history");
        }
    }
}
