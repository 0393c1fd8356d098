using JustCulture.Domain.Concerns;
using JustCulture.Domain.Formal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class FormalProceedingConfiguration : IEntityTypeConfiguration<FormalProceeding>
{
    public void Configure(EntityTypeBuilder<FormalProceeding> builder)
    {
        builder.ToTable("formal_proceedings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Finding).HasMaxLength(32);
        builder.Property(f => f.ConcludedByUserId).HasMaxLength(64);
        builder.Property(f => f.HearingPanel).HasMaxLength(FormalProceeding.MaxPanelLength);
        builder.Property(f => f.HearingOutcome).HasMaxLength(32);
        builder.Property(f => f.HearingOutcomeDetail).HasMaxLength(FormalProceeding.MaxTextLength);
        builder.Property(f => f.HearingRecordedByUserId).HasMaxLength(64);
        builder.Property(f => f.AppealOutcome).HasMaxLength(32);
        builder.Property(f => f.AppealRecordedByUserId).HasMaxLength(64);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasOne<Concern>().WithMany().HasForeignKey(f => f.ConcernId).OnDelete(DeleteBehavior.Restrict);
        // One formal process per action.
        builder.HasIndex(f => new { f.ConcernId, f.ActionOrdinal }).IsUnique();
        builder.Ignore(f => f.HasSanction);
    }
}
