using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JustCulture.Persistence.Migrations.Postgres
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
                    uk_date = table.Column<DateOnly>(type: "date", nullable: false),
                    claimed_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sent = table.Column<int>(type: "integer", nullable: true),
                    nothing_due = table.Column<int>(type: "integer", nullable: true),
                    unknown_recipients = table.Column<int>(type: "integer", nullable: true)
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
