using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Support;

/// <summary>Realistic decision-log entries, appended the way the application appends them.</summary>
public static class LogEntries
{
    public static readonly Guid ConcernId = Guid.Parse("6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a3b");
    public static readonly Guid WorkflowInstanceId = Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    /// <summary>An answered checklist question. The time has sub-microsecond ticks on purpose: sealing must
    /// normalise them so the stored entry hashes the same after the round trip.</summary>
    public static DecisionLogEntry Answer(int number, string actorId = "manager-1") => new()
    {
        EventType = LogEventTypes.QuestionAnswered,
        ConcernId = ConcernId,
        WorkflowInstanceId = WorkflowInstanceId,
        SubjectStaffRef = "S0042",
        DefinitionId = "triage",
        DefinitionVersion = 1,
        ActivityId = $"q{number}",
        Question = $"Question {number}: did the person intend to cause harm?",
        Answer = number % 2 == 0 ? "Yes" : "No",
        Rationale = $"Rationale for answer {number}, with \"quotes\", a comma and ünïcödé.",
        ActorId = actorId,
        ActorRole = "Manager",
        OccurredAtUtc = new DateTime(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc).AddMinutes(number).AddTicks(1_234_567),
    };

    /// <summary>Appends like a step of the application: one transaction, the writer, SaveChanges, Commit.</summary>
    public static async Task AppendAsync(ProviderDatabase database, DecisionLogWriter writer, IReadOnlyList<DecisionLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        await AppendAsync(db, writer, entries);
    }

    public static async Task AppendAsync(JustCultureDbContext db, DecisionLogWriter writer, IReadOnlyList<DecisionLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writer);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await writer.AppendAsync(db, entries);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Appends answers 1..10 in steps of different sizes (1, 3, 2 and 4 entries).</summary>
    public static async Task AppendTenAsync(ProviderDatabase database, DecisionLogWriter writer)
    {
        var number = 0;
        foreach (var size in (int[])[1, 3, 2, 4])
        {
            await AppendAsync(database, writer, Enumerable.Range(number + 1, size).Select(n => Answer(n)).ToList());
            number += size;
        }
    }

    public static async Task<List<DecisionLogEntry>> ReadAllAsync(ProviderDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        return await db.DecisionLog.AsNoTracking().OrderBy(e => e.EntryId).ToListAsync();
    }
}
