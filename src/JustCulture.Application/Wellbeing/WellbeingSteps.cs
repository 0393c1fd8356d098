using System.Globalization;
using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Wellbeing;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Wellbeing;

/// <param name="ExpectedVersion">The record's version the page showed (when changing one); a newer one is refused as stale.</param>
public sealed record RecordWellbeingCommand(Guid ConcernId, string UserId, string? ContactName, bool OccupationalHealth, bool EmployeeAssistance,
    bool UnionOrStaffNetwork, string? Notes, DateOnly? NextCheckInDue, int? ExpectedVersion = null);

public sealed record RecordCheckInCommand(Guid ConcernId, string UserId, DateOnly? HeldOn, string? HeldBy, string? Notes, DateOnly? NextCheckInDue,
    int? ExpectedVersion = null);

public sealed record WellbeingDecided(Guid WellbeingRecordId, Guid ConcernId, DateOnly NextCheckInDue, int CheckIns, int Version);

/// <summary>
/// The person's wellbeing on a case (docs/domain/process-safeguards.md, "Wellbeing"), each decision a case step
/// (docs/decisions/0006-one-case-step.md): the case row locked, the review's access policy (an independent commissioning
/// manager), the record and its decision-log entry in one transaction. The log's answer holds only fixed words and dates;
/// the contact's name, who held a check-in and every note are sealed in the rationale.
/// </summary>
public sealed class WellbeingSteps(JustCultureDbContext db, CaseStep step, TimeProvider clock)
{
    public const string RecordQuestion = "Record the wellbeing contact and the support offered";
    public const string CheckInQuestion = "Record a wellbeing check-in";

    private DateOnly TodayUk => UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime);

    public Task<WellbeingDecided> RecordAsync(RecordWellbeingCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.ContactName), command.ContactName, "the wellbeing contact's name", WellbeingRecord.MaxNameLength, required: true, multiline: false);
        InputRules.Text(problems, nameof(command.Notes), command.Notes, "notes on the support", WellbeingRecord.MaxTextLength, required: false, multiline: true);
        var offer = new SupportOffer(command.OccupationalHealth, command.EmployeeAssistance, command.UnionOrStaffNetwork);
        if (!offer.Any)
        {
            problems.Add(new("Support", "Record at least one kind of support offered: occupational health, employee assistance, or a union or staff network contact."));
        }

        if (WellbeingRecord.NextDueProblem(command.NextCheckInDue, TodayUk) is { } dateProblem)
        {
            problems.Add(new(nameof(command.NextCheckInDue), dateProblem));
        }

        InputRules.ThrowIfAny(problems);
        return step.RunAsync(
            new CaseStepRequest(CaseTarget.Case(command.ConcernId), command.UserId, CaseAccess.Review),
            async (onCase, ct) =>
            {
                RequireOpen(onCase);
                var record = await db.WellbeingRecords.Include(w => w.CheckIns).SingleOrDefaultAsync(w => w.ConcernId == onCase.Concern.Id, ct);
                if (record is null)
                {
                    record = WellbeingRecord.Record(onCase.Concern.Id, command.ContactName!, offer, command.Notes, command.NextCheckInDue!.Value, onCase.Actor, TodayUk, onCase.NowUtc);
                    db.WellbeingRecords.Add(record);
                }
                else
                {
                    RequireVersion(record, command.ExpectedVersion);
                    record.Change(command.ContactName!, offer, command.Notes, command.NextCheckInDue!.Value, TodayUk, onCase.NowUtc);
                }

                onCase.Log(LogEventTypes.WellbeingSupportRecorded, RecordQuestion,
                    $"Support offered: {offer.Words()}; next check-in by {Iso(record.NextCheckInDue)}",
                    string.Join("\n", new[] { $"Wellbeing contact: {record.ContactName}", record.SupportNotes }.Where(t => t is not null)));
                return Decided(record);
            },
            cancellationToken);
    }

    public Task<WellbeingDecided> CheckInAsync(RecordCheckInCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        if (command.HeldOn is not { } heldOn)
        {
            problems.Add(new(nameof(command.HeldOn), "Enter the date the check-in was held."));
        }
        else if (heldOn > TodayUk)
        {
            problems.Add(new(nameof(command.HeldOn), "A check-in cannot be recorded before it is held."));
        }

        InputRules.Text(problems, nameof(command.HeldBy), command.HeldBy, "who held the check-in", WellbeingRecord.MaxNameLength, required: true, multiline: false);
        InputRules.Text(problems, nameof(command.Notes), command.Notes, "notes on the check-in", WellbeingRecord.MaxTextLength, required: false, multiline: true);
        if (WellbeingRecord.NextDueProblem(command.NextCheckInDue, TodayUk) is { } dateProblem)
        {
            problems.Add(new(nameof(command.NextCheckInDue), dateProblem));
        }

        InputRules.ThrowIfAny(problems);
        return step.RunAsync(
            new CaseStepRequest(CaseTarget.Case(command.ConcernId), command.UserId, CaseAccess.Review),
            async (onCase, ct) =>
            {
                RequireOpen(onCase);
                var record = await db.WellbeingRecords.Include(w => w.CheckIns).SingleOrDefaultAsync(w => w.ConcernId == onCase.Concern.Id, ct)
                    ?? throw UseCaseException.RuleViolated("Record the wellbeing contact and the support offered first.", "ContactName");
                RequireVersion(record, command.ExpectedVersion);
                var checkIn = record.CheckIn(command.HeldOn!.Value, command.HeldBy!, command.Notes, command.NextCheckInDue!.Value, onCase.Actor, TodayUk, onCase.NowUtc);
                onCase.Log(LogEventTypes.WellbeingCheckInRecorded, CheckInQuestion,
                    $"Held {Iso(checkIn.HeldOn)}; next check-in by {Iso(checkIn.NextDue)}",
                    string.Join("\n", new[] { $"Held by: {checkIn.HeldBy}", checkIn.Notes }.Where(t => t is not null)));
                return Decided(record);
            },
            cancellationToken);
    }

    private static void RequireOpen(CaseStepContext onCase)
    {
        if (onCase.Concern.Status == ConcernStatus.Closed)
        {
            throw UseCaseException.RuleViolated("This case is closed: its wellbeing record can no longer change.", "ContactName");
        }
    }

    private static void RequireVersion(WellbeingRecord record, int? expected)
    {
        if (expected is { } version && version != record.Version)
        {
            throw UseCaseException.Conflict($"The wellbeing record has changed since your page was built (version {record.Version}, your page showed version {version}). Reload it to see what changed.");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static WellbeingDecided Decided(WellbeingRecord r) => new(r.Id, r.ConcernId, r.NextCheckInDue, r.CheckIns.Count, r.Version);
}
