using JustCulture.Domain.Concerns;
using JustCulture.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        builder.ToTable("concerns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.SubjectStaffRef).HasMaxLength(32);
        builder.Property(c => c.RaisedByUserId).HasMaxLength(64);
        builder.Property(c => c.Category).HasMaxLength(100);
        builder.Property(c => c.Status).HasMaxLength(32);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.RaisedByStaffRef).HasMaxLength(32);
        builder.Property(c => c.SubjectChainAtRaising).HasMaxLength(LineManagementChain.MaxStoredLength);
        builder.Property(c => c.RaiserChainAtRaising).HasMaxLength(LineManagementChain.MaxStoredLength);
        builder.HasIndex(c => c.SubjectStaffRef);
        builder.HasIndex(c => c.RaisedByUserId);
        builder.HasIndex(c => c.Status);
        builder.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ConcernId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ConcernActionConfiguration : IEntityTypeConfiguration<ConcernAction>
{
    public void Configure(EntityTypeBuilder<ConcernAction> builder)
    {
        builder.ToTable("concern_actions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Stage).HasMaxLength(32);
        builder.Property(a => a.Outcome).HasMaxLength(1);
        builder.Property(a => a.Route).HasMaxLength(32);
        builder.Property(a => a.InformalAgreedActions).HasMaxLength(ConcernAction.MaxAgreedActionsLength);
        // Rows from before per-action versions start at 0, which is also what a new action starts at.
        builder.Property(a => a.Version).IsConcurrencyToken().HasDefaultValue(0).HasSentinel(-1);
        builder.HasIndex(a => new { a.ConcernId, a.Ordinal }).IsUnique();
        builder.HasIndex(a => a.WorkflowInstanceId).IsUnique();
    }
}
