using JustCulture.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class OrganisationHistoryEntryConfiguration : IEntityTypeConfiguration<OrganisationHistoryEntry>
{
    public void Configure(EntityTypeBuilder<OrganisationHistoryEntry> builder)
    {
        builder.ToTable("organisation_history");
        builder.HasKey(h => new { h.Year, h.Organisation, h.WresGroup });
        builder.Property(h => h.Organisation).HasMaxLength(OrganisationHistoryEntry.MaxOrganisationLength);
        builder.Property(h => h.Year).HasMaxLength(7);
        builder.Property(h => h.WresGroup).HasMaxLength(16);
        builder.Property(h => h.SourceName).HasMaxLength(260);
        builder.Property(h => h.ImportedBy).HasMaxLength(64);
    }
}
