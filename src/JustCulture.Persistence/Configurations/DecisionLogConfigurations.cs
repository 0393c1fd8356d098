using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class DecisionLogEntryConfiguration : IEntityTypeConfiguration<DecisionLogEntry>
{
    public void Configure(EntityTypeBuilder<DecisionLogEntry> builder)
    {
        builder.ToTable("decision_log");
        builder.HasKey(e => e.Sequence);
        // The chain assigns sequences itself; a database-generated value would leave gaps on rollback.
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.EventType).HasMaxLength(64);
        builder.Property(e => e.SubjectStaffRef).HasMaxLength(32);
        builder.Property(e => e.DefinitionId).HasMaxLength(100);
        builder.Property(e => e.ActivityId).HasMaxLength(100);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorRole).HasMaxLength(32);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.ConcernId);
        builder.HasIndex(e => new { e.EventType, e.OccurredAtUtc });
    }
}

internal sealed class DecisionLogHeadConfiguration : IEntityTypeConfiguration<DecisionLogHead>
{
    public void Configure(EntityTypeBuilder<DecisionLogHead> builder)
    {
        builder.ToTable("decision_log_head");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.HasData(new DecisionLogHead());
    }
}
