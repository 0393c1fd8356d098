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
    public const int MaxActions = 10;

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

        if (string.IsNullOrWhiteSpace(Input.SubjectStaffRef))
        {
            ModelState.AddModelError("Input.SubjectStaffRef", "Select the person the concern is about");
        }

        if (string.IsNullOrWhiteSpace(Input.Summary))
        {
            ModelState.AddModelError("Input.Summary", "Describe what happened");
        }

        if (Input.Actions.All(string.IsNullOrWhiteSpace))
        {
            ModelState.AddModelError("Input.Actions[0]", "Describe at least one action or omission");
        }

        var incidentDate = ParseIncidentDate();
        if (string.IsNullOrWhiteSpace(Input.Category))
        {
            ModelState.AddModelError("Input.Category", "Select a category");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            var id = await open.HandleAsync(new OpenConcernCommand(Input.SubjectStaffRef!, User.UserId(), Input.Summary!,
                Input.Actions.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).ToList(), Input.Category, incidentDate), cancellationToken);
            return RedirectToPage("/Concerns/Checklist", new { id, ordinal = 1 });
        }
        catch (UseCaseException refusal)
        {
            ModelState.AddModelError(FieldOf(refusal.Message), refusal.Message);
            Response.StatusCode = Api.UseCaseProblems.StatusOf(refusal.Error);
            return Page();
        }
    }

    /// <summary>The field a refusal is about, so the error summary links to it.</summary>
    private static string FieldOf(string message) =>
        message.Contains("incident date", StringComparison.OrdinalIgnoreCase) ? "Input.IncidentDay"
        : message.Contains("category", StringComparison.OrdinalIgnoreCase) ? "Input.Category"
        : message.Contains("summary", StringComparison.OrdinalIgnoreCase) ? "Input.Summary"
        : message.Contains("action", StringComparison.OrdinalIgnoreCase) ? "Input.Actions[0]"
        : "Input.SubjectStaffRef";

    private DateOnly? ParseIncidentDate()
    {
        var parts = new[] { Input.IncidentDay, Input.IncidentMonth, Input.IncidentYear };
        if (parts.All(string.IsNullOrWhiteSpace))
        {
            ModelState.AddModelError("Input.IncidentDay", "Enter the date of the incident");
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
