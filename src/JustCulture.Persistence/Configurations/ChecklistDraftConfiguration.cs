using JustCulture.Persistence.Checklist;
using JustCulture.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class ChecklistDraftConfiguration : IEntityTypeConfiguration<ChecklistDraftRecord>
{
    public void Configure(EntityTypeBuilder<ChecklistDraftRecord> builder)
    {
        builder.ToTable("checklist_drafts");
        builder.HasKey(d => new { d.WorkflowInstanceId, d.UserId });
        builder.Property(d => d.UserId).HasMaxLength(64);
        builder.Property(d => d.DefinitionId).HasMaxLength(100);
        builder.Property(d => d.DefinitionSha256).HasMaxLength(64);
        builder.Property(d => d.AnswersJson).HasMaxLength(ChecklistDraftRecord.MaxAnswersLength);
        builder.Property(d => d.CurrentQuestion).HasMaxLength(100);
        // A draft means nothing without its action's workflow instance.
        builder.HasOne<WorkflowInstanceRecord>().WithMany().HasForeignKey(d => d.WorkflowInstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
