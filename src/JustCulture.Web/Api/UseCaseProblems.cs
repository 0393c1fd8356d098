using JustCulture.Application.Common;

namespace JustCulture.Web.Api;

/// <summary>Maps refusals from the application to RFC 9457 problem details with the right status.</summary>
public static class UseCaseProblems
{
    public static int StatusOf(UseCaseError error) => error switch
    {
        UseCaseError.Invalid => StatusCodes.Status400BadRequest,
        UseCaseError.Forbidden => StatusCodes.Status403Forbidden,
        UseCaseError.NotFound => StatusCodes.Status404NotFound,
        UseCaseError.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static IResult ToProblem(UseCaseException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var status = StatusOf(refusal.Error);
        // A refusal keyed by input lists its problems in order, the first being the headline (its message joins
        // them all): detail is that headline, errors the rest, and fields every problem with the input it is about.
        var keyed = refusal.FieldProblems;
        var detail = keyed.Count > 0 ? keyed[0].Message : refusal.Message;
        IReadOnlyList<string> errors = keyed.Count > 0 ? [.. keyed.Skip(1).Select(p => p.Message)] : refusal.Details;
        var extensions = new Dictionary<string, object?>();
        if (errors.Count > 0)
        {
            extensions["errors"] = errors;
        }

        if (keyed.Count > 0)
        {
            extensions["fields"] = keyed.Select(p => new { field = p.Field, message = p.Message }).ToList();
        }

        return Results.Problem(detail: detail, statusCode: status, title: TitleOf(refusal.Error), extensions: extensions.Count == 0 ? null : extensions);
    }

    private static string TitleOf(UseCaseError error) => error switch
    {
        UseCaseError.Invalid => "The request is not valid",
        UseCaseError.Forbidden => "You may not do this",
        UseCaseError.NotFound => "Not found",
        UseCaseError.Conflict => "The case has moved on",
        _ => "A rule of the process was broken",
    };
}

/// <summary>Turns a <see cref="UseCaseException"/> thrown by an endpoint into problem details.</summary>
public sealed class UseCaseProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (UseCaseException refusal)
        {
            return UseCaseProblems.ToProblem(refusal);
        }
    }
}
