using JustCulture.Domain.Concerns;
using JustCulture.Domain.Suspensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class SuspensionConfiguration : IEntityTypeConfiguration<Suspension>
{
    public void Configure(EntityTypeBuilder<Suspension> builder)
    {
        builder.ToTable("suspensions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasMaxLength(32);
        builder.Property(s => s.Status).HasMaxLength(32);
        builder.Property(s => s.Reason).HasMaxLength(Suspension.MaxTextLength);
        builder.Property(s => s.ProposedByUserId).HasMaxLength(64);
        builder.Property(s => s.ProposedByStaffRef).HasMaxLength(32);
        builder.Property(s => s.ApprovedByUserId).HasMaxLength(64);
        builder.Property(s => s.PendingRationale).HasMaxLength(Suspension.MaxTextLength);
        builder.Property(s => s.PendingByUserId).HasMaxLength(64);
        builder.Property(s => s.PendingByStaffRef).HasMaxLength(32);
        builder.Property(s => s.EndedByUserId).HasMaxLength(64);
        builder.Property(s => s.EndReason).HasMaxLength(Suspension.MaxTextLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Concern>().WithMany().HasForeignKey(s => s.ConcernId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.ConcernId);
        // The open ones (and their review dates) are what the queues and flags read.
        builder.HasIndex(s => new { s.Status, s.ReviewDate });
        builder.HasMany(s => s.Alternatives).WithOne().HasForeignKey(a => a.SuspensionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Alternatives).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(s => s.IsOpen);
        builder.Ignore(s => s.AwaitsApproval);
    }
}

internal sealed class ConsideredAlternativeConfiguration : IEntityTypeConfiguration<ConsideredAlternative>
{
    public void Configure(EntityTypeBuilder<ConsideredAlternative> builder)
    {
        builder.ToTable("suspension_alternatives");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Alternative).HasMaxLength(32);
        builder.Property(a => a.Description).HasMaxLength(Suspension.MaxOtherDescriptionLength);
        builder.Property(a => a.WhyNot).HasMaxLength(Suspension.MaxTextLength);
        builder.HasIndex(a => new { a.SuspensionId, a.Ordinal }).IsUnique();
    }
}
