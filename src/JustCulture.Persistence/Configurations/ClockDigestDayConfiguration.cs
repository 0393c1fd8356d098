using JustCulture.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class ClockDigestDayConfiguration : IEntityTypeConfiguration<ClockDigestDay>
{
    public void Configure(EntityTypeBuilder<ClockDigestDay> builder)
    {
        // The day is the key: the unique key is what lets only one node claim it.
        builder.ToTable("clock_digest_days");
        builder.HasKey(d => d.UkDate);
        builder.Property(d => d.UkDate).ValueGeneratedNever();
    }
}
