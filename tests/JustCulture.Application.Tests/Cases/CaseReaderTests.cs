using System.Data.Common;
using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Application.Formal;
using JustCulture.Application.Review;
using JustCulture.Application.Suspensions;
using JustCulture.Application.Wellbeing;
using JustCulture.Domain.Concerns;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Cases;

/// <summary>The review case page reads its case once: the parts of one request share the load, the access policy
/// still applies to each, and a save in the request makes the next read load afresh.</summary>
public sealed class CaseReaderTests : IAsyncLifetime
{
    private readonly CaseLoadCounter _loads = new();
    private TestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite, services => services.AddSingleton<IInterceptor>(_loads));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task LoadsTheCaseOnceGivenEveryPartOfTheReviewPageReadsItInOneRequest()
    {
        var concernId = await OpenToReviewAsync();
        await using var request = _app.Services.CreateAsyncScope();
        var services = request.ServiceProvider;
        _loads.Count = 0;

        var view = await services.GetRequiredService<GetReviewCaseHandler>().HandleAsync(new GetReviewCaseQuery(concernId, SmallTrust.Reviewer));
        await services.GetRequiredService<CaseSuspensionsHandler>().HandleAsync(concernId, SmallTrust.Reviewer);
        await services.GetRequiredService<FormalProcessQueries>().ForCaseAsync(concernId, SmallTrust.Reviewer);
        await services.GetRequiredService<CaseWellbeingHandler>().HandleAsync(concernId, SmallTrust.Reviewer);
        await services.GetRequiredService<Application.Ambassadors.CaseAmbassadorHandler>().HandleAsync(concernId, SmallTrust.Reviewer);

        _loads.Count.ShouldBe(1);
        view.Actions.ShouldHaveSingleItem().PendingTask.ShouldNotBeNull();
    }

    [Fact]
    public async Task StillRefusesWhatTheActorMayNotDoGivenTheCaseIsAlreadyLoaded()
    {
        var concernId = await OpenToReviewAsync();
        await using var request = _app.Services.CreateAsyncScope();
        var services = request.ServiceProvider;
        await services.GetRequiredService<GetReviewCaseHandler>().HandleAsync(new GetReviewCaseQuery(concernId, SmallTrust.Reviewer));

        // The same reviewer, the same case, another kind of access: only the raiser answers its checklist.
        var refused = await Should.ThrowAsync<UseCaseException>(() => services.GetRequiredService<PreviewChecklistHandler>()
            .HandleAsync(new PreviewChecklistQuery(concernId, 1, SmallTrust.Reviewer, new Dictionary<string, string>())));

        refused.Error.ShouldBe(UseCaseError.Forbidden);
    }

    [Fact]
    public async Task ReadsAfreshGivenAStepSavedInTheSameRequest()
    {
        var concernId = await OpenToReviewAsync();
        await using var request = _app.Services.CreateAsyncScope();
        var services = request.ServiceProvider;
        var before = await services.GetRequiredService<GetReviewCaseHandler>().HandleAsync(new GetReviewCaseQuery(concernId, SmallTrust.Reviewer));
        _loads.Count = 0;

        await services.GetRequiredService<Application.Tasks.CompleteTaskHandler>().HandleAsync(new Application.Tasks.CompleteTaskCommand(
            before.Actions[0].PendingTask!.TaskId, SmallTrust.Reviewer, "NoFurtherAction", "Nothing more to do", null, null, ConflictOfInterest.None));
        var after = await services.GetRequiredService<GetReviewCaseHandler>().HandleAsync(new GetReviewCaseQuery(concernId, SmallTrust.Reviewer));

        after.Status.ShouldBe(ConcernStatus.Closed);
        after.Actions[0].PendingTask.ShouldBeNull();
        _loads.Count.ShouldBe(2, "the step's own load, then the read after it");
    }

    private async Task<Guid> OpenToReviewAsync()
    {
        var concernId = await _app.OpenConcernAsync("S001", SmallTrust.LineManager);
        await _app.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('G'));
        return concernId;
    }

    /// <summary>Counts the one-statement case loads (tagged "case step: load").</summary>
    private sealed class CaseLoadCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count
        {
            get => Volatile.Read(ref _count);
            set => Volatile.Write(ref _count, value);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("-- case step: load", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }

            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }
    }
}
