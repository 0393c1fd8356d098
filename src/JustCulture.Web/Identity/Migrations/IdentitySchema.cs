using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace JustCulture.Web.Identity.Migrations;

/// <summary>Store types of one provider, as EF Core's model produces them for Identity's columns.</summary>
internal sealed record IdentityColumnTypes(string Text, string Int, string Bool, string DateTimeOffset, Func<int, string> VarChar)
{
    public static IdentityColumnTypes Sqlite { get; } = new("TEXT", "INTEGER", "INTEGER", "TEXT", _ => "TEXT");

    public static IdentityColumnTypes Postgres { get; } = new("text", "integer", "boolean", "timestamp with time zone", n => $"character varying({n})");
}

/// <summary>
/// Identity's tables (schema version 1, users only), written by hand like every migration here; shared
/// by the providers' migrations, which add their own auto-increment annotation.
/// </summary>
internal static class IdentitySchema
{
    public static void Up(MigrationBuilder migrationBuilder, IdentityColumnTypes t, Action<OperationBuilder<AddColumnOperation>> autoIncrement)
    {
        migrationBuilder.CreateTable(
            name: "identity_users",
            columns: table => new
            {
                id = table.Column<string>(type: t.Text, nullable: false),
                user_name = table.Column<string>(type: t.VarChar(256), maxLength: 256, nullable: true),
                normalized_user_name = table.Column<string>(type: t.VarChar(256), maxLength: 256, nullable: true),
                email = table.Column<string>(type: t.VarChar(256), maxLength: 256, nullable: true),
                normalized_email = table.Column<string>(type: t.VarChar(256), maxLength: 256, nullable: true),
                email_confirmed = table.Column<bool>(type: t.Bool, nullable: false),
                password_hash = table.Column<string>(type: t.Text, nullable: true),
                security_stamp = table.Column<string>(type: t.Text, nullable: true),
                concurrency_stamp = table.Column<string>(type: t.Text, nullable: true),
                phone_number = table.Column<string>(type: t.Text, nullable: true),
                phone_number_confirmed = table.Column<bool>(type: t.Bool, nullable: false),
                two_factor_enabled = table.Column<bool>(type: t.Bool, nullable: false),
                lockout_end = table.Column<DateTimeOffset>(type: t.DateTimeOffset, nullable: true),
                lockout_enabled = table.Column<bool>(type: t.Bool, nullable: false),
                access_failed_count = table.Column<int>(type: t.Int, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_identity_users", x => x.id));

        migrationBuilder.CreateTable(
            name: "identity_user_claims",
            columns: table =>
            {
                var id = table.Column<int>(type: t.Int, nullable: false);
                autoIncrement(id);
                return new
                {
                    id,
                    user_id = table.Column<string>(type: t.Text, nullable: false),
                    claim_type = table.Column<string>(type: t.Text, nullable: true),
                    claim_value = table.Column<string>(type: t.Text, nullable: true),
                };
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_identity_user_claims", x => x.id);
                table.ForeignKey("FK_identity_user_claims_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "identity_user_logins",
            columns: table => new
            {
                login_provider = table.Column<string>(type: t.Text, nullable: false),
                provider_key = table.Column<string>(type: t.Text, nullable: false),
                provider_display_name = table.Column<string>(type: t.Text, nullable: true),
                user_id = table.Column<string>(type: t.Text, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_identity_user_logins", x => new { x.login_provider, x.provider_key });
                table.ForeignKey("FK_identity_user_logins_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "identity_user_tokens",
            columns: table => new
            {
                user_id = table.Column<string>(type: t.Text, nullable: false),
                login_provider = table.Column<string>(type: t.Text, nullable: false),
                name = table.Column<string>(type: t.Text, nullable: false),
                value = table.Column<string>(type: t.Text, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_identity_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                table.ForeignKey("FK_identity_user_tokens_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_identity_user_claims_user_id", "identity_user_claims", "user_id");
        migrationBuilder.CreateIndex("IX_identity_user_logins_user_id", "identity_user_logins", "user_id");
        migrationBuilder.CreateIndex("EmailIndex", "identity_users", "normalized_email");
        migrationBuilder.CreateIndex("UserNameIndex", "identity_users", "normalized_user_name", unique: true);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "identity_user_claims", "identity_user_logins", "identity_user_tokens", "identity_users" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
