using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace JustCulture.Web.Tests.Api;

public sealed class ErrorSummaryOrderTests
{
    /// <summary>A form whose fields come in this order: a name, a date, then a note.</summary>
    private sealed class Form
    {
        [BindProperty]
        public string? Name { get; set; }

        [BindProperty]
        public string? WhenDay { get; set; }

        public string? NotBound { get; set; }

        [BindProperty]
        public string? Note { get; set; }
    }

    [Fact]
    public void ListsErrorsInTheOrderOfTheFieldsGivenThePageFoundThemInAnotherOrder()
    {
        var state = new ModelStateDictionary();
        // The page reads its date first; the use case then refuses the note and the name; one error is about the form.
        state.AddModelError(nameof(Form.WhenDay), "Date must be a real date");
        state.AddModelError(nameof(Form.Note), "Note is too long");
        state.AddModelError("Unknown.Key", "Something else");
        state.AddModelError(nameof(Form.Name), "Enter a name");
        state.AddModelError(string.Empty, "This form was incomplete");
        state.SetModelValue("Valid", "x", "x");

        var keys = ErrorSummaryOrder.Of(state, new Form()).Select(e => e.Key).ToList();

        keys.ShouldBe([string.Empty, nameof(Form.Name), nameof(Form.WhenDay), nameof(Form.Note), "Unknown.Key"]);
    }
}
