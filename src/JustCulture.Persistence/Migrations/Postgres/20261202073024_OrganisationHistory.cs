using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Postgres
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
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    year = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    wres_group = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    entering = table.Column<int>(type: "integer", nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: false),
                    source_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    imported_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    imported_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
