using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClockDigestDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clock_digest_days",
                columns: table => new
                {
                    uk_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    claimed_at_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sent = table.Column<int>(type: "INTEGER", nullable: true),
                    nothing_due = table.Column<int>(type: "INTEGER", nullable: true),
                    unknown_recipients = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clock_digest_days", x => x.uk_date);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clock_digest_days");
        }
    }
}
