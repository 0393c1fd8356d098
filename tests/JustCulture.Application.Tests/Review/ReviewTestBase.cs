using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Review;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Review;

/// <summary>A fresh application with the small trust, and a fault injector on the decision log (unarmed).</summary>
public abstract class ReviewTestBase : IAsyncLifetime
{
    protected abstract TestProvider Provider { get; }

    protected TestApp App { get; private set; } = null!;

    protected FaultInjector LogFault { get; } = new("decision_log");

    public virtual async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(Provider, configure: services => services.AddSingleton<IInterceptor>(LogFault));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Opens a concern about <paramref name="subject"/> and walks its checklist to <paramref name="outcome"/>.</summary>
    protected async Task<Guid> OpenToReviewAsync(string subject = "S001", char outcome = 'G', string? category = null)
    {
        var raisedBy = subject == "S005" ? SmallTrust.OtherLineManager : SmallTrust.LineManager;
        var concernId = category is null
            ? await App.OpenConcernAsync(subject, raisedBy)
            : await App.RunAsync<OpenConcernHandler, Guid>(h => h.HandleAsync(new OpenConcernCommand(subject, raisedBy, "Something happened on the ward", ["An action"], category)));
        await App.AnswerChecklistAsync(concernId, raisedBy, SmallTrust.PathTo(outcome));
        return concernId;
    }

    /// <summary>Takes a case to review and routes it.</summary>
    protected async Task<Guid> RoutedAsync(string subject, char outcome, string route, string? category = null)
    {
        var concernId = await OpenToReviewAsync(subject, outcome, category);
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, route, "Considered the system first.",
            route == "FormalInvestigation" ? "Deliberate harm alleged; informal resolution would not protect patients." : null);
        return concernId;
    }

    protected Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(string reviewer = SmallTrust.Reviewer, int overdueAfterDays = 10, int warningDays = 7) =>
        App.RunAsync<ReviewQueueHandler, IReadOnlyList<ReviewQueueItem>>(h => h.HandleAsync(new ReviewQueueQuery(reviewer, overdueAfterDays, warningDays)));

    protected Task<ReviewCaseView> CaseAsync(Guid concernId, string reviewer = SmallTrust.Reviewer) =>
        App.RunAsync<GetReviewCaseHandler, ReviewCaseView>(h => h.HandleAsync(new GetReviewCaseQuery(concernId, reviewer)));

    protected Task<bool> UnblindAsync(Guid concernId, string? reason, string reviewer = SmallTrust.Reviewer) =>
        App.RunAsync<UnblindCaseHandler, bool>(async h =>
        {
            await h.HandleAsync(new UnblindCaseCommand(concernId, reviewer, reason));
            return true;
        });

    protected Task<int> PlanAsync(Guid concernId, string? agreedActions, DateOnly? reviewDate, int? expectedVersion = null, string reviewer = SmallTrust.Reviewer) =>
        App.RunAsync<RecordInformalPlanHandler, int>(h => h.HandleAsync(new RecordInformalPlanCommand(concernId, 1, reviewer, agreedActions, reviewDate, expectedVersion)));

    protected DateOnly Today => DateOnly.FromDateTime(App.Clock.UtcNow);

    protected static async Task<UseCaseException> RefusedAsync(UseCaseError expected, Func<Task> use)
    {
        var refused = await Should.ThrowAsync<UseCaseException>(use);
        refused.Error.ShouldBe(expected, refused.Message);
        return refused;
    }
}
