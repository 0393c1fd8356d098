using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Triage;

/// <summary>Starts a fresh application on the provider under test, with the small trust loaded.</summary>
public abstract class TriageTestBase : IAsyncLifetime
{
    protected abstract TestProvider Provider { get; }

    protected TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(Provider);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected Task<Guid> OpenAboutS001Async(params string[] actions) => App.OpenConcernAsync("S001", SmallTrust.LineManager, actions);

    /// <summary>Opens a concern about S001 and answers its checklist to <paramref name="outcome"/>.</summary>
    protected async Task<Guid> OpenToReviewAsync(char outcome = 'G')
    {
        var concernId = await OpenAboutS001Async();
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo(outcome));
        return concernId;
    }
}
