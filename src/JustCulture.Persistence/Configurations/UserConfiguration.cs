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
        builder.HasIndex(u => u.StaffRef);
    }
}
