using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Retention;

/// <summary>
/// Step three of an erasure: the personal data the case tables hold outside the log. The rows themselves stay —
/// a case's routes, outcomes and dates are what the figures and the log's own references need — but nothing in
/// them names the person, the raiser or their managers, or says in free text what happened.
/// </summary>
internal static class PersonalDataClearing
{
    /// <summary>What an erased summary or action description says instead.</summary>
    public const string ErasedText = "Erased at the end of its retention period";

    public static async Task ClearAsync(JustCultureDbContext db, IReadOnlyCollection<Guid> concernIds, string pseudonym, CancellationToken cancellationToken)
    {
        await db.Concerns.Where(c => concernIds.Contains(c.Id)).TagWith("retention: clear concerns").ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Summary, ErasedText)
            .SetProperty(c => c.SubjectStaffRef, pseudonym)
            .SetProperty(c => c.RaisedByStaffRef, (string?)null)
            .SetProperty(c => c.SubjectChainAtRaising, (string?)null)
            .SetProperty(c => c.RaiserChainAtRaising, (string?)null)
            // Any form still open on the case is stale from now on.
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);

        var actions = db.ConcernActions.Where(a => concernIds.Contains(a.ConcernId));
        await actions.TagWith("retention: clear actions").ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Description, ErasedText)
            .SetProperty(a => a.InformalAgreedActions, (string?)null)
            .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);

        // A suspension's reasons say in free text what happened and why; its kind, dates and deciders stay.
        var suspensions = db.Suspensions.Where(x => concernIds.Contains(x.ConcernId));
        await suspensions.TagWith("retention: clear suspensions").ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Reason, ErasedText)
            .SetProperty(x => x.PendingRationale, x => x.PendingRationale == null ? null : ErasedText)
            .SetProperty(x => x.EndReason, x => x.EndReason == null ? null : ErasedText)
            .SetProperty(x => x.ProposedByStaffRef, (string?)null)
            .SetProperty(x => x.PendingByStaffRef, (string?)null)
            .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        await db.SuspensionAlternatives.Where(a => suspensions.Select(x => x.Id).Contains(a.SuspensionId)).TagWith("retention: clear suspension alternatives")
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.WhyNot, ErasedText)
                .SetProperty(a => a.Description, a => a.Description == null ? null : ErasedText), cancellationToken);

        // Wellbeing and ambassador records: names and notes are cleared; the dates and the kinds of support stay.
        var wellbeing = db.WellbeingRecords.Where(w => concernIds.Contains(w.ConcernId));
        await wellbeing.TagWith("retention: clear wellbeing records").ExecuteUpdateAsync(s => s
            .SetProperty(w => w.ContactName, ErasedText)
            .SetProperty(w => w.SupportNotes, w => w.SupportNotes == null ? null : ErasedText)
            .SetProperty(w => w.Version, w => w.Version + 1), cancellationToken);
        await db.WellbeingCheckIns.Where(c => wellbeing.Select(w => w.Id).Contains(c.WellbeingRecordId)).TagWith("retention: clear wellbeing check-ins")
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.HeldBy, ErasedText)
                .SetProperty(c => c.Notes, c => c.Notes == null ? null : ErasedText), cancellationToken);
        await db.AmbassadorInvitations.Where(a => concernIds.Contains(a.ConcernId)).TagWith("retention: clear ambassador observations")
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Observations, a => a.Observations == null ? null : ErasedText)
                .SetProperty(a => a.Version, a => a.Version + 1), cancellationToken);
        // The formal process's free text (the hearing panel, an "other" outcome) goes too; its choices and dates stay.
        await db.FormalProceedings.Where(x => concernIds.Contains(x.ConcernId)).TagWith("retention: clear formal proceedings")
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.HearingPanel, x => x.HearingPanel == null ? null : ErasedText)
                .SetProperty(x => x.HearingOutcomeDetail, x => x.HearingOutcomeDetail == null ? null : ErasedText)
                .SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);

        var instanceIds = actions.Select(a => a.WorkflowInstanceId);
        // The workflow's variables are its only free-form state; a closed case's workflow never resumes, so
        // emptying them loses nothing the product reads, and whatever a definition put there is gone.
        await db.WorkflowInstances.Where(w => instanceIds.Contains(w.Id)).TagWith("retention: clear workflow state")
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.VariablesJson, "{}"), cancellationToken);
        await db.ChecklistDrafts.Where(d => instanceIds.Contains(d.WorkflowInstanceId)).TagWith("retention: delete checklist drafts")
            .ExecuteDeleteAsync(cancellationToken);
    }
}
