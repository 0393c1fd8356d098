using JustCulture.Domain.Concerns;
using JustCulture.Domain.Reporting;
using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;
using JustCulture.Persistence.Checklist;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JustCulture.Persistence;

/// <summary>
/// The one EF Core context. Each provider has a derived type (<see cref="SqliteJustCultureDbContext"/>,
/// <see cref="PostgresJustCultureDbContext"/>) only so that each can own its own migrations (Migrations/Sqlite, Migrations/Postgres), as EF's
/// "separate DbContext type per provider" layout has it.
/// </summary>
public abstract class JustCultureDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<HeadcountSnapshotEntry> HeadcountSnapshots => Set<HeadcountSnapshotEntry>();
    /// <summary>Every headcount snapshot imported per year, current and replaced (<see cref="HeadcountSnapshots"/> holds the current one's people).</summary>
    public DbSet<HeadcountSnapshot> HeadcountSnapshotHistory => Set<HeadcountSnapshot>();
    public DbSet<ArchivedHeadcountEntry> ArchivedHeadcountEntries => Set<ArchivedHeadcountEntry>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<ConcernAction> ConcernActions => Set<ConcernAction>();
    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();
    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();
    public DbSet<WorkflowTimerRecord> WorkflowTimers => Set<WorkflowTimerRecord>();
    public DbSet<DecisionLogEntry> DecisionLog => Set<DecisionLogEntry>();
    public DbSet<DecisionLogLeaf> DecisionLogLeaves => Set<DecisionLogLeaf>();
    public DbSet<DecisionLogTreeHead> DecisionLogTreeHeads => Set<DecisionLogTreeHead>();
    public DbSet<DecisionLogQueueItem> DecisionLogQueue => Set<DecisionLogQueueItem>();
    /// <summary>Each case's data key, which opens its entries' personal fields; erased (never deleted) at the end of retention.</summary>
    public DbSet<DecisionLog.PersonalData.CaseDataKeyRecord> CaseDataKeys => Set<DecisionLog.PersonalData.CaseDataKeyRecord>();
    public DbSet<WresHistoryEntry> WresHistory => Set<WresHistoryEntry>();
    /// <summary>Other organisations' published indicator-3 figures, for comparing many at once (the funnel plot).</summary>
    public DbSet<OrganisationHistoryEntry> OrganisationHistory => Set<OrganisationHistoryEntry>();
    public DbSet<ChecklistDraftRecord> ChecklistDrafts => Set<ChecklistDraftRecord>();
    /// <summary>Suspensions, exclusions and restrictions of duties on cases (docs/domain/process-safeguards.md).</summary>
    public DbSet<Domain.Suspensions.Suspension> Suspensions => Set<Domain.Suspensions.Suspension>();
    public DbSet<Domain.Suspensions.ConsideredAlternative> SuspensionAlternatives => Set<Domain.Suspensions.ConsideredAlternative>();
    /// <summary>The person's wellbeing contact, support offer and check-ins on a case (docs/domain/process-safeguards.md, "Wellbeing").</summary>
    public DbSet<Domain.Wellbeing.WellbeingRecord> WellbeingRecords => Set<Domain.Wellbeing.WellbeingRecord>();
    public DbSet<Domain.Wellbeing.WellbeingCheckIn> WellbeingCheckIns => Set<Domain.Wellbeing.WellbeingCheckIn>();
    /// <summary>Cultural ambassadors invited to reviews, and their observations.</summary>
    public DbSet<Domain.Ambassadors.AmbassadorInvitation> AmbassadorInvitations => Set<Domain.Ambassadors.AmbassadorInvitation>();
    /// <summary>Fairness-survey links (token hashes only) and the anonymous answers, which name no case.</summary>
    public DbSet<Domain.Survey.FairnessSurveyInvitation> FairnessSurveyInvitations => Set<Domain.Survey.FairnessSurveyInvitation>();
    public DbSet<Domain.Survey.FairnessSurveyResponse> FairnessSurveyResponses => Set<Domain.Survey.FairnessSurveyResponse>();
    /// <summary>The daily digest's claim and record, one row per UK day (docs/domain/case-clocks.md, "Daily digest").</summary>
    public DbSet<Domain.Notifications.ClockDigestDay> ClockDigestDays => Set<Domain.Notifications.ClockDigestDay>();

    /// <summary>The formal process after a formal investigation started: conclusion, hearing, appeal (docs/domain/formal-process.md).</summary>
    public DbSet<Domain.Formal.FormalProceeding> FormalProceedings => Set<Domain.Formal.FormalProceeding>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(JustCultureDbContext).Assembly);
        ApplySnakeCaseNames(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every timestamp is UTC; SQLite hands values back without a kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }

    private static void ApplySnakeCaseNames(ModelBuilder modelBuilder) => SnakeCaseNaming.Apply(modelBuilder);

    // Internal, not private: the compiled models (CompiledModels/) construct it.
    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteJustCultureDbContext(DbContextOptions<SqliteJustCultureDbContext> options) : JustCultureDbContext(options);

public sealed class PostgresJustCultureDbContext(DbContextOptions<PostgresJustCultureDbContext> options) : JustCultureDbContext(options);
