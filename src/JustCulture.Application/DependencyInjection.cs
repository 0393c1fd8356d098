using JustCulture.Application.Cases;
using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Demo;
using JustCulture.Application.History;
using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.Application.Review;
using JustCulture.Application.Staff;
using JustCulture.Application.Tasks;
using JustCulture.Application.Users;
using JustCulture.Application.Workflows;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JustCulture.Application;

public static class DependencyInjection
{
    /// <summary>The workflow definitions shipped beside the program (copied from the repository's workflows/).</summary>
    public static string DefaultWorkflowsDirectory => Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <summary>Registers the database, the decision log's keys and sequencer, the workflow catalog and every use case.</summary>
    /// <param name="log">Where the log's signing key and checkpoints live; by default beside a SQLite file (a server
    /// database must say — the error comes at the log's first use).</param>
    public static IServiceCollection AddJustCultureApplication(this IServiceCollection services, DatabaseLocation database, string? workflowsDirectory = null,
        DecisionLogSettings? log = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var directory = workflowsDirectory ?? DefaultWorkflowsDirectory;
        services.AddSingleton(database);
        services.AddSingleton(_ => log ?? DecisionLogSettings.Resolve(database));
        services.AddSingleton<DecisionLogTrust>();
        services.AddSingleton<CaseDataProtector>();
        services.AddSingleton<DecisionLogWriter>();
        services.AddSingleton<DecisionLogSequencer>();
        // Interceptors registered by the host (diagnostics, fault injection in tests) apply to every context.
        services.AddScoped(sp => database.CreateContext(options => options.AddInterceptors(sp.GetServices<IInterceptor>())));
        // Loaded once, at first use: a definition that fails validation stops the program with the file
        // and activity named, rather than surfacing halfway through a case.
        services.AddSingleton(_ => new TriageWorkflow(WorkflowCatalog.LoadDirectory(directory)));
        services.AddSingleton<WorkflowRunner>();
        services.AddSingleton(TimeProvider.System);

        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<CaseStep>();
        services.AddScoped<CaseReader>();
        services.AddScoped<OpenConcernHandler>();
        services.AddScoped<GetConcernHandler>();
        services.AddScoped<CompleteTaskHandler>();
        services.AddScoped<ListTasksHandler>();
        services.AddScoped<ImportStaffHandler>();
        services.AddScoped<PreviewStaffImportHandler>();
        services.AddScoped<SnapshotHistoryHandler>();
        services.AddScoped<AddUserHandler>();
        services.AddScoped<VerifyLogHandler>();
        services.AddScoped<ExportLogHandler>();
        services.AddScoped<CheckpointLogHandler>();
        services.AddScoped<ProveEntryHandler>();
        services.AddScoped<ProveConsistencyHandler>();
        services.AddScoped<WitnessCheckpointHandler>();
        services.AddScoped<ReportDataLoader>();
        services.AddScoped<Indicator3ReportHandler>();
        services.AddScoped<FunnelReportHandler>();
        services.AddScoped<ReportYearsHandler>();
        services.AddScoped<Indicator3TrendHandler>();
        services.AddScoped<OfflineIndicator3Handler>();
        services.AddScoped<ImportHistoryHandler>();
        services.AddScoped<ImportOrganisationHistoryHandler>();
        services.AddScoped<OrganisationFunnelHandler>();
        services.AddScoped<ListTeamHandler>();
        services.AddScoped<ListMyConcernsHandler>();
        services.AddScoped<PreviewChecklistHandler>();
        services.AddScoped<SubmitChecklistHandler>();
        services.AddScoped<ChecklistDraftHandler>();
        services.AddScoped<ConcernTimelineHandler>();
        services.AddScoped<ListUsersHandler>();
        services.AddScoped<ChangeUserRoleHandler>();
        services.AddScoped<SetUserActiveHandler>();
        services.AddScoped<ResetUserPasswordHandler>();
        services.AddScoped<BrowseLogHandler>();
        // A host with a configured key registers its own (the web app does); otherwise pseudonyms last one process.
        services.TryAddSingleton(_ => ActorPseudonyms.WithEphemeralKey());
        services.AddSingleton<ListWorkflowDefinitionsHandler>();
        services.AddSingleton<CheckWorkflowUploadHandler>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoWalkthrough>();
        services.AddScoped<Scale.ScaleSeeder>();
        services.AddScoped<ReviewQueueHandler>();
        services.AddScoped<GetReviewCaseHandler>();
        services.AddScoped<UnblindCaseHandler>();
        services.AddScoped<SimilarCasesHandler>();
        services.AddScoped<RecordInformalPlanHandler>();
        services.AddScoped<Retention.RetentionDueHandler>();
        services.AddScoped<Retention.RunRetentionHandler>();
        services.AddScoped<Retention.RetentionErasuresHandler>();
        services.AddScoped<ErasedCaseHandler>();
        services.AddScoped<SubjectAccess.SubjectAccessHandler>();
        // A host with settings registers its own (the web app does): the default names no approver.
        services.TryAddSingleton(_ => new Suspensions.SuspensionRules());
        services.AddScoped<Suspensions.SuspensionSteps>();
        services.AddScoped<Suspensions.CaseSuspensionsHandler>();
        services.AddScoped<Suspensions.ListSuspensionsHandler>();
        services.AddScoped<Formal.FormalProcessSteps>();
        services.AddScoped<Formal.FormalProcessQueries>();
        services.AddScoped<CaseFlagsHandler>();
        services.AddScoped<Wellbeing.WellbeingSteps>();
        services.AddScoped<Wellbeing.CaseWellbeingHandler>();
        // A host with settings registers its own (the web app does): by default cultural ambassadors are off.
        services.TryAddSingleton(_ => Ambassadors.AmbassadorRules.Off);
        services.AddScoped<Ambassadors.AmbassadorSteps>();
        services.AddScoped<Ambassadors.CaseAmbassadorHandler>();
        services.AddScoped<Ambassadors.AmbassadorGate>();
        services.AddScoped<Survey.FairnessSurveySteps>();
        services.AddScoped<Survey.FairnessSurveyResultsHandler>();
        services.AddScoped<Survey.SurveyOfferStateHandler>();

        // Case clocks (docs/domain/case-clocks.md): a host with settings registers its own (the web app does).
        services.TryAddSingleton(_ => new Clocks.ClockSettings());
        services.AddScoped<Clocks.StageClockReader>();
        services.AddScoped<Clocks.RecordStageDelayHandler>();
        services.AddScoped<Clocks.CaseClocksHandler>();
        services.AddScoped<Clocks.DueForMeHandler>();
        services.AddLogging(); // the digest logs its counts; a host's own logging setup wins (TryAdd)
        services.AddScoped<Clocks.ClockDigestHandler>();
        services.AddScoped<Clocks.ScheduledDigestHandler>();
        services.AddScoped<FireDueTimersHandler>();
        services.AddScoped<Clocks.StageTimesReportHandler>();
        return services;
    }
}
