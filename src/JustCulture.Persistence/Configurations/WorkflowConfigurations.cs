using JustCulture.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("workflow_instances");
        builder.HasKey(w => w.Id);
        // Ids are assigned by the application (the runtime names instances and bookmarks), so EF must
        // treat a new row with an id as new, not as an existing row to update.
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.DefinitionId).HasMaxLength(100);
        builder.Property(w => w.DefinitionSha256).HasMaxLength(64);
        builder.Property(w => w.Status).HasMaxLength(16);
        builder.Property(w => w.Version).IsConcurrencyToken();
        // Instances stored before joins were kept have none waiting: an empty map.
        builder.Property(w => w.JoinArrivalsJson).HasDefaultValue("{}");
        builder.HasIndex(w => w.CorrelationId);
        builder.HasMany(w => w.Bookmarks).WithOne().HasForeignKey(b => b.WorkflowInstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(w => w.Timers).WithOne().HasForeignKey(t => t.WorkflowInstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimerRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowTimerRecord> builder)
    {
        builder.ToTable("workflow_timers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ActivityId).HasMaxLength(100);
        builder.Property(t => t.LeasedBy).HasMaxLength(100);
        builder.Property(t => t.LastError).HasMaxLength(1000);
        // Firing stamps this; the stamp also checks the timer had not fired, so two nodes cannot both fire it.
        builder.Property(t => t.FiredAtUtc).IsConcurrencyToken();
        // The picker reads due timers in due order; filtered to unfired rows so the index is the size of the waiting work.
        builder.HasIndex(t => new { t.DueAtUtc, t.Id }, "IX_workflow_timers_waiting")
            .HasFilter("fired_at_utc IS NULL");
    }
}

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> builder)
    {
        builder.ToTable("bookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.ActivityId).HasMaxLength(100);
        builder.Property(b => b.Role).HasMaxLength(32);
        builder.Property(b => b.CompletedBy).HasMaxLength(64);
        // A task is completed once: the update that stamps it also checks it was still open.
        builder.Property(b => b.CompletedAtUtc).IsConcurrencyToken();
        builder.HasIndex(b => b.CorrelationId);
        builder.HasIndex(b => b.Role);
        // Open tasks are read a page at a time in (created_at_utc, id) order (ListTasksHandler's keyset), for
        // everyone or for one role. Filtered to open rows so the index stays the size of the work, not the history.
        builder.HasIndex(b => new { b.CreatedAtUtc, b.Id }, "IX_bookmarks_open")
            .HasFilter("completed_at_utc IS NULL");
        builder.HasIndex(b => new { b.Role, b.CreatedAtUtc, b.Id }, "IX_bookmarks_open_role")
            .HasFilter("completed_at_utc IS NULL");
    }
}
