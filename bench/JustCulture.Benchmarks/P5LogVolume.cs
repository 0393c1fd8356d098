using JustCulture.Application;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Benchmarks;

/// <summary>
/// A SQLite database whose decision log holds <c>entries</c> entries written by the product's own writer and
/// integrated and checkpointed by its own sequencer, with the signing key and checkpoints beside the file (where
/// <c>justculture</c> finds them by default). Entries look like checklist answers, twenty to a case, so their
/// personal fields are sealed under per-case keys as in a live trust.
/// </summary>
internal static class P5LogVolume
{
    private const int EntriesPerCommit = 5000;

    public static async Task<DatabaseLocation> BuildAsync(string databaseFile, int entries, TextWriter? progress = null)
    {
        var database = DatabaseLocation.Parse($"sqlite:Data Source={databaseFile};Pooling=False");
        await using var services = new ServiceCollection()
            .AddJustCultureApplication(database, DependencyInjection.DefaultWorkflowsDirectory)
            .BuildServiceProvider();
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        var writer = services.GetRequiredService<DecisionLogWriter>();
        var sequencer = services.GetRequiredService<DecisionLogSequencer>();
        var concern = Guid.Empty;
        for (var written = 0; written < entries;)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
            var batch = new List<DecisionLogEntry>(EntriesPerCommit);
            for (; batch.Count < EntriesPerCommit && written < entries; written++)
            {
                if (written % 20 == 0)
                {
                    concern = Guid.CreateVersion7();
                }

                batch.Add(Answer(written + 1, concern));
            }

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await writer.AppendAsync(db, batch);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            db.ChangeTracker.Clear();
            await sequencer.IntegrateAsync(db);
            progress?.WriteLine($"{written} entries");
        }

        using (var scope = services.CreateScope())
        {
            await sequencer.CheckpointAsync(scope.ServiceProvider.GetRequiredService<JustCultureDbContext>());
        }

        return database;
    }

    private static DecisionLogEntry Answer(int number, Guid concern) => new()
    {
        EventType = LogEventTypes.QuestionAnswered,
        ConcernId = concern,
        WorkflowInstanceId = concern,
        SubjectStaffRef = $"S{number % 50_000:D6}",
        DefinitionId = "triage",
        DefinitionVersion = 1,
        ActivityId = $"q{number % 7}",
        Question = "Did the person intend to cause harm, or act recklessly, knowing the risk they were taking?",
        Answer = number % 2 == 0 ? "Yes" : "No",
        Rationale = $"Rationale for answer {number}: the rota showed two unfilled shifts that week, and the handover was verbal.",
        ActorId = $"lm{number % 400}",
        ActorRole = "LineManager",
        OccurredAtUtc = new DateTime(2023, 4, 1, 9, 0, 0, DateTimeKind.Utc).AddSeconds(number * 37L),
    };
}
