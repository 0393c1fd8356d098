using System.Globalization;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Concerns;

public sealed class NewModel(ListTeamHandler team, OpenConcernHandler open) : FormPageModel
{
    /// <summary>How many action boxes the form offers: the concern's own limit.</summary>
    public const int MaxActions = Concern.MaxActions;

    public sealed class RaiseInput
    {
        public string? SubjectStaffRef { get; set; }
        public string? Summary { get; set; }
        public List<string?> Actions { get; set; } = [string.Empty];
        public string? IncidentDay { get; set; }
        public string? IncidentMonth { get; set; }
        public string? IncidentYear { get; set; }
        public string? Category { get; set; }
    }

    [BindProperty]
    public RaiseInput Input { get; set; } = new();

    public IReadOnlyList<TeamMemberView> Team { get; private set; } = [];

    public static IReadOnlyList<string> Categories => ConcernCategories.All;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Team = await team.HandleAsync(User.UserId(), cancellationToken);

    /// <summary>Adds an empty action row (works without JavaScript: the form posts back to itself).</summary>
    public async Task<IActionResult> OnPostAddActionAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Input.Actions.Count < MaxActions)
        {
            Input.Actions.Add(string.Empty);
        }

        Team = await team.HandleAsync(User.UserId(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveActionAsync(int index, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Input.Actions.Count > 1 && index >= 0 && index < Input.Actions.Count)
        {
            Input.Actions.RemoveAt(index);
        }

        Team = await team.HandleAsync(User.UserId(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Team = await team.HandleAsync(User.UserId(), cancellationToken);
        if (Input.Actions.Count == 0)
        {
            Input.Actions.Add(string.Empty);
        }

        // Shape only (a date that is a real date); what is required and allowed is the use case's rule.
        var incidentDate = ParseIncidentDate();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            var id = await open.HandleAsync(new OpenConcernCommand(Input.SubjectStaffRef ?? string.Empty, User.UserId(), Input.Summary ?? string.Empty,
                Input.Actions.Select(a => a ?? string.Empty).ToList(), Input.Category, incidentDate), cancellationToken);
            return RedirectToPage("/Concerns/Checklist", new { id, ordinal = 1 });
        }
        catch (UseCaseException refusal)
        {
            foreach (var problem in refusal.FieldProblems)
            {
                ModelState.AddModelError(FieldOf(problem.Field), problem.Message);
            }

            if (refusal.FieldProblems.Count == 0)
            {
                ModelState.AddModelError(string.Empty, refusal.Message);
            }

            Response.StatusCode = Api.UseCaseProblems.StatusOf(refusal.Error);
            return Page();
        }
    }

    /// <summary>The form input for a command field, so the error summary links to it.</summary>
    private static string FieldOf(string commandField) => commandField switch
    {
        nameof(OpenConcernCommand.IncidentDate) => "Input.IncidentDay",
        nameof(OpenConcernCommand.Actions) => "Input.Actions[0]",
        _ => $"Input.{commandField}",
    };

    private DateOnly? ParseIncidentDate()
    {
        var parts = new[] { Input.IncidentDay, Input.IncidentMonth, Input.IncidentYear };
        if (parts.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        if (!int.TryParse(Input.IncidentDay, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Input.IncidentMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Input.IncidentYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            ModelState.AddModelError("Input.IncidentDay", "The date of the incident must be a real date, for example 27 3 2025");
            return null;
        }

        return new DateOnly(year, month, day);
    }
}
