using JustCulture.Application.Common;
using JustCulture.Application.Formal;
using JustCulture.Domain.Formal;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Formal;

/// <summary>
/// The next step of one action's formal process (docs/domain/formal-process.md): the investigation's conclusion, then
/// the hearing after a case to answer, then an appeal against a sanction and its outcome. The form offered is the one
/// the record allows next; each refusal goes beside its field and nothing is written.
/// </summary>
public sealed class IndexModel(FormalProcessQueries queries, FormalProcessSteps steps) : ReviewPageModel
{
    public FormalActionView Formal { get; private set; } = null!;

    [BindProperty]
    public string? Finding { get; set; }

    [BindProperty]
    public string? Panel { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? OutcomeDetail { get; set; }

    [BindProperty]
    public string? AppealOutcome { get; set; }

    [BindProperty]
    public string? StepDateDay { get; set; }

    [BindProperty]
    public string? StepDateMonth { get; set; }

    [BindProperty]
    public string? StepDateYear { get; set; }

    /// <summary>The step the form was built for: a post for another step (the record moved on) is refused as stale.</summary>
    [BindProperty]
    public string? Step { get; set; }

    [BindProperty]
    public int? ExpectedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, action, cancellationToken) is { } refused)
        {
            return refused;
        }

        Step = Formal.Next;
        ExpectedVersion = Formal.Record?.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, action, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Step is null || Step != Formal.Next || ExpectedVersion != Formal.Record?.Version)
        {
            MovedOnMessage = "This formal process has moved on since you loaded the page: the form below is for the step it is at now.";
            ModelState.AddModelError(string.Empty, "This case has moved on since you loaded the page. Check what changed below before deciding again.");
            (Step, ExpectedVersion) = (Formal.Next, Formal.Record?.Version);
            return Page();
        }

        // An unreadable date goes to the command as none, so its other refusals still show beside their fields.
        var date = StepDate();
        try
        {
            _ = Step switch
            {
                FormalNextStep.Conclude => await steps.ConcludeAsync(new ConcludeInvestigationCommand(id, action, User.UserId(), FormInput.Choice<InvestigationFinding>(Finding), date), cancellationToken),
                FormalNextStep.Hearing => await steps.RecordHearingAsync(new RecordHearingCommand(id, action, User.UserId(), date, Panel, FormInput.Choice<HearingOutcome>(Outcome),
                    OutcomeDetail, ExpectedVersion), cancellationToken),
                FormalNextStep.LodgeAppeal => await steps.LodgeAppealAsync(new LodgeAppealCommand(id, action, User.UserId(), date, ExpectedVersion), cancellationToken),
                _ => await steps.DecideAppealAsync(new DecideAppealCommand(id, action, User.UserId(), FormInput.Choice<Domain.Formal.AppealOutcome>(AppealOutcome), date, ExpectedVersion),
                    cancellationToken),
            };
            return Redirect($"/Review/Case/{id}?done=formal#action-{action}");
        }
        catch (UseCaseException refusal)
        {
            if (RefusedBeside(refusal, FieldOf) is { } result)
            {
                return result;
            }
        }

        return Page();
    }

    /// <summary>Closing the process: a form of its own (only the version it was built from), offered whenever it has an end.</summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, int action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, action, cancellationToken) is { } refused)
        {
            return refused;
        }

        try
        {
            await steps.CloseAsync(new CloseFormalProcessCommand(id, action, User.UserId(), ExpectedVersion), cancellationToken);
            return Redirect($"/Review/Case/{id}?done=formal-closed#action-{action}");
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.RuleViolated)
        {
            // The form has no field of its own: why it cannot close yet is said in the summary.
            ModelState.AddModelError(string.Empty, refusal.Message);
        }
        catch (UseCaseException refusal)
        {
            if (Handle(refusal) is { } result)
            {
                return result;
            }
        }

        (Step, ExpectedVersion) = (Formal.Next, Formal.Record?.Version);
        return Page();
    }

    /// <summary>The command's field as this page names it: every step's date is the one date input.</summary>
    private string FieldOf(string commandField) => commandField switch
    {
        nameof(ConcludeInvestigationCommand.ConcludedOn) or nameof(RecordHearingCommand.HearingDate) or nameof(LodgeAppealCommand.LodgedOn)
            or nameof(DecideAppealCommand.DecidedOn) => nameof(StepDateDay),
        nameof(DecideAppealCommand.Outcome) when Step == FormalNextStep.DecideAppeal => nameof(AppealOutcome),
        _ => commandField,
    };

    private DateOnly? StepDate()
    {
        var (date, readable) = FormInput.Date(StepDateDay, StepDateMonth, StepDateYear);
        if (!readable)
        {
            ModelState.AddModelError(nameof(StepDateDay), "The date must be a real date");
        }

        return date;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, int action, CancellationToken cancellationToken)
    {
        if (await LoadCaseAsync(id, async () => Formal = (await queries.ForCaseAsync(id, User.UserId(), cancellationToken)).SingleOrDefault(f => f.ActionOrdinal == action)!) is { } refusal)
        {
            return refusal;
        }

        return Formal is null ? NotFound() : null;
    }

}
