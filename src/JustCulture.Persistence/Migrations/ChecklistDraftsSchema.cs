using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Migrations;

/// <summary>
/// Line managers' checklist answers in progress, one row per action and user, so a walk survives signing
/// out. Shared by the providers' ChecklistDrafts migrations, which differ only in store types.
/// </summary>
internal static class ChecklistDraftsSchema
{
    public static void Up(MigrationBuilder migrationBuilder, ColumnTypes t) =>
        migrationBuilder.CreateTable(
            name: "checklist_drafts",
            columns: table => new
            {
                workflow_instance_id = table.Column<Guid>(type: t.Guid, nullable: false),
                user_id = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                definition_id = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: false),
                definition_version = table.Column<int>(type: t.Int, nullable: false),
                definition_sha256 = table.Column<string>(type: t.VarChar(64), maxLength: 64, nullable: false),
                answers_json = table.Column<string>(type: t.VarChar(4000), maxLength: 4000, nullable: false),
                current_question = table.Column<string>(type: t.VarChar(100), maxLength: 100, nullable: true),
                saved_at_utc = table.Column<DateTime>(type: t.DateTime, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_checklist_drafts", x => new { x.workflow_instance_id, x.user_id });
                table.ForeignKey(
                    name: "FK_checklist_drafts_workflow_instances_workflow_instance_id",
                    column: x => x.workflow_instance_id,
                    principalTable: "workflow_instances",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

    public static void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("checklist_drafts");
}
