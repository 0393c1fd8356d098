using JustCulture.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class WresHistoryEntryConfiguration : IEntityTypeConfiguration<WresHistoryEntry>
{
    public void Configure(EntityTypeBuilder<WresHistoryEntry> builder)
    {
        builder.ToTable("wres_history");
        builder.HasKey(h => new { h.Year, h.WresGroup });
        builder.Property(h => h.Year).HasMaxLength(7);
        builder.Property(h => h.WresGroup).HasMaxLength(16);
        builder.Property(h => h.SourceName).HasMaxLength(260);
        builder.Property(h => h.ImportedBy).HasMaxLength(64);
    }
}
