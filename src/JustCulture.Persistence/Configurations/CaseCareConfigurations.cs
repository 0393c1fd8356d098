using JustCulture.Domain.Ambassadors;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Survey;
using JustCulture.Domain.Wellbeing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JustCulture.Persistence.Configurations;

internal sealed class WellbeingRecordConfiguration : IEntityTypeConfiguration<WellbeingRecord>
{
    public void Configure(EntityTypeBuilder<WellbeingRecord> builder)
    {
        builder.ToTable("wellbeing_records");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.ContactName).HasMaxLength(WellbeingRecord.MaxNameLength);
        builder.Property(w => w.SupportNotes).HasMaxLength(WellbeingRecord.MaxTextLength);
        builder.Property(w => w.RecordedByUserId).HasMaxLength(64);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasOne<Concern>().WithMany().HasForeignKey(w => w.ConcernId).OnDelete(DeleteBehavior.Restrict);
        // One record per case; the flags read it by case.
        builder.HasIndex(w => w.ConcernId).IsUnique();
        builder.HasMany(w => w.CheckIns).WithOne().HasForeignKey(c => c.WellbeingRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(w => w.CheckIns).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(w => w.AnySupportOffered);
    }
}

internal sealed class WellbeingCheckInConfiguration : IEntityTypeConfiguration<WellbeingCheckIn>
{
    public void Configure(EntityTypeBuilder<WellbeingCheckIn> builder)
    {
        builder.ToTable("wellbeing_check_ins");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.HeldBy).HasMaxLength(WellbeingRecord.MaxNameLength);
        builder.Property(c => c.Notes).HasMaxLength(WellbeingRecord.MaxTextLength);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(64);
        builder.HasIndex(c => new { c.WellbeingRecordId, c.Ordinal }).IsUnique();
    }
}

internal sealed class AmbassadorInvitationConfiguration : IEntityTypeConfiguration<AmbassadorInvitation>
{
    public void Configure(EntityTypeBuilder<AmbassadorInvitation> builder)
    {
        builder.ToTable("ambassador_invitations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Ambassador).HasMaxLength(AmbassadorInvitation.MaxAmbassadorLength);
        builder.Property(a => a.InvitedByUserId).HasMaxLength(64);
        builder.Property(a => a.Observations).HasMaxLength(AmbassadorInvitation.MaxObservationsLength);
        builder.Property(a => a.ObservationsRecordedByUserId).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Concern>().WithMany().HasForeignKey(a => a.ConcernId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ConcernId).IsUnique();
        builder.Ignore(a => a.HasObservations);
    }
}

internal sealed class FairnessSurveyInvitationConfiguration : IEntityTypeConfiguration<FairnessSurveyInvitation>
{
    public void Configure(EntityTypeBuilder<FairnessSurveyInvitation> builder)
    {
        builder.ToTable("fairness_survey_invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.WresGroup).HasMaxLength(16);
        builder.Property(i => i.IssuedByUserId).HasMaxLength(64);
        builder.HasOne<Concern>().WithMany().HasForeignKey(i => i.ConcernId).OnDelete(DeleteBehavior.Restrict);
        // One link per case, found by its token's hash.
        builder.HasIndex(i => i.ConcernId).IsUnique();
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}

internal sealed class FairnessSurveyResponseConfiguration : IEntityTypeConfiguration<FairnessSurveyResponse>
{
    public void Configure(EntityTypeBuilder<FairnessSurveyResponse> builder)
    {
        // No case, no invitation, no time: an answer is known only by its group and year.
        builder.ToTable("fairness_survey_responses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.WresGroup).HasMaxLength(16);
        builder.Property(r => r.TreatedFairly).HasMaxLength(32);
        builder.Property(r => r.ListenedTo).HasMaxLength(32);
        builder.Property(r => r.SameAsWhiteColleague).HasMaxLength(32);
        builder.HasIndex(r => new { r.ReportingYearStart, r.WresGroup });
    }
}
