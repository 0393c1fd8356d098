using JustCulture.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff");
        builder.HasKey(s => s.StaffRef);
        builder.Property(s => s.StaffRef).HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.EthnicCode).HasMaxLength(8);
        builder.Property(s => s.WresGroup).HasMaxLength(16);
        builder.Property(s => s.Band).HasMaxLength(100);
        builder.Property(s => s.StaffGroup).HasMaxLength(100);
        builder.Property(s => s.Directorate).HasMaxLength(100);
        builder.Property(s => s.LineManagerRef).HasMaxLength(32);
        builder.Property(s => s.ManagerChain).HasMaxLength(LineManagementChain.MaxStoredLength);
        builder.Ignore(s => s.Managers);
        builder.HasIndex(s => s.LineManagerRef);
    }
}

internal sealed class HeadcountSnapshotEntryConfiguration : IEntityTypeConfiguration<HeadcountSnapshotEntry>
{
    public void Configure(EntityTypeBuilder<HeadcountSnapshotEntry> builder)
    {
        builder.ToTable("headcount_snapshots");
        builder.HasKey(h => new { h.Year, h.StaffRef });
        builder.Property(h => h.Year).HasMaxLength(7);
        builder.Property(h => h.StaffRef).HasMaxLength(32);
        builder.Property(h => h.EthnicCode).HasMaxLength(8);
        builder.Property(h => h.WresGroup).HasMaxLength(16);
        builder.Property(h => h.Band).HasMaxLength(100);
        builder.Property(h => h.StaffGroup).HasMaxLength(100);
        builder.Property(h => h.Directorate).HasMaxLength(100);
    }
}

internal sealed class HeadcountSnapshotConfiguration : IEntityTypeConfiguration<HeadcountSnapshot>
{
    public void Configure(EntityTypeBuilder<HeadcountSnapshot> builder)
    {
        builder.ToTable("headcount_snapshot_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Year).HasMaxLength(7);
        builder.Property(h => h.ImportedBy).HasMaxLength(64);
        builder.Property(h => h.SourceName).HasMaxLength(200);
        builder.Ignore(h => h.IsCurrent);
        builder.HasIndex(h => h.Year);
    }
}

internal sealed class ArchivedHeadcountEntryConfiguration : IEntityTypeConfiguration<ArchivedHeadcountEntry>
{
    public void Configure(EntityTypeBuilder<ArchivedHeadcountEntry> builder)
    {
        builder.ToTable("headcount_snapshot_archive");
        builder.HasKey(h => new { h.SnapshotId, h.StaffRef });
        builder.Property(h => h.StaffRef).HasMaxLength(32);
        builder.Property(h => h.EthnicCode).HasMaxLength(8);
        builder.Property(h => h.WresGroup).HasMaxLength(16);
        builder.Property(h => h.Band).HasMaxLength(100);
        builder.Property(h => h.StaffGroup).HasMaxLength(100);
        builder.Property(h => h.Directorate).HasMaxLength(100);
    }
}
