using JustCulture.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("app_users");
        builder.HasKey(u => u.UserId);
        builder.Property(u => u.UserId).HasMaxLength(64);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Role).HasMaxLength(32);
        builder.Property(u => u.StaffRef).HasMaxLength(32);
        builder.Property(u => u.DeactivatedAtUtc);
        builder.Ignore(u => u.IsActive);
        // A staff record is one person: at most one account may act as it (reviewer independence, line management).
        builder.HasIndex(u => u.StaffRef).IsUnique().HasFilter("staff_ref IS NOT NULL");
    }
}
