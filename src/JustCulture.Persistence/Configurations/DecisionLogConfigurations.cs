using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class DecisionLogEntryConfiguration : IEntityTypeConfiguration<DecisionLogEntry>
{
    public void Configure(EntityTypeBuilder<DecisionLogEntry> builder)
    {
        builder.ToTable("decision_log");
        builder.HasKey(e => e.EntryId);
        // The application gives ids (they are sealed with the entry); the database only stores them.
        builder.Property(e => e.EntryId).ValueGeneratedNever();
        builder.Property(e => e.EventType).HasMaxLength(64);
        // Entries from before leaf version 2 are version 1; the writer always says which it wrote.
        builder.Property(e => e.LeafVersion).HasDefaultValue(LeafEncoding.ClearFieldsVersion).HasSentinel(0);
        // Room for a 32-character staff ref sealed (docs/log-format.md §1.4: prefix and base64 of 60 bytes and more).
        builder.Property(e => e.SubjectStaffRef).HasMaxLength(DecisionLogEntryLimits.StoredStaffRefLength);
        builder.Property(e => e.DefinitionId).HasMaxLength(100);
        builder.Property(e => e.ActivityId).HasMaxLength(100);
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorRole).HasMaxLength(32);
        builder.Property(e => e.Seal).HasMaxLength(64);
        builder.HasIndex(e => e.ConcernId);
        builder.HasIndex(e => new { e.EventType, e.OccurredAtUtc });
    }
}

internal sealed class DecisionLogLeafConfiguration : IEntityTypeConfiguration<DecisionLogLeaf>
{
    public void Configure(EntityTypeBuilder<DecisionLogLeaf> builder)
    {
        builder.ToTable("decision_log_leaves");
        builder.HasKey(l => l.Sequence);
        builder.Property(l => l.Sequence).ValueGeneratedNever();
        builder.Property(l => l.LeafHash).HasMaxLength(64);
        // An entry has one place in the tree.
        builder.HasIndex(l => l.EntryId).IsUnique();
        builder.HasOne<DecisionLogEntry>().WithMany().HasForeignKey(l => l.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DecisionLogTreeHeadConfiguration : IEntityTypeConfiguration<DecisionLogTreeHead>
{
    public void Configure(EntityTypeBuilder<DecisionLogTreeHead> builder)
    {
        builder.ToTable("decision_log_tree_heads");
        builder.HasKey(h => h.TreeSize);
        builder.Property(h => h.TreeSize).ValueGeneratedNever();
        builder.Property(h => h.RootHash).HasMaxLength(64);
    }
}

internal sealed class DecisionLogQueueItemConfiguration : IEntityTypeConfiguration<DecisionLogQueueItem>
{
    public void Configure(EntityTypeBuilder<DecisionLogQueueItem> builder)
    {
        builder.ToTable("decision_log_queue");
        builder.HasKey(q => q.Position);
        builder.Property(q => q.Position).ValueGeneratedOnAdd();
        builder.HasIndex(q => q.EntryId).IsUnique();
        builder.HasOne<DecisionLogEntry>().WithMany().HasForeignKey(q => q.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class DecisionLogEntryLimits
{
    /// <summary>A staff ref of up to 64 UTF-8 bytes, sealed: <c>pd1:</c> and base64 of 12 + 64 + 16 bytes.</summary>
    public const int StoredStaffRefLength = 128;
}

internal sealed class CaseDataKeyConfiguration : IEntityTypeConfiguration<CaseDataKeyRecord>
{
    public void Configure(EntityTypeBuilder<CaseDataKeyRecord> builder)
    {
        builder.ToTable("case_data_keys");
        builder.HasKey(k => k.ConcernId);
        builder.Property(k => k.ConcernId).ValueGeneratedNever();
        builder.Property(k => k.WrappedKey).HasMaxLength(128);
    }
}
