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
        UseCaseError.Conflict or UseCaseError.LogBroken => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The problem type: one stable identifier per category, the same for pages' API twins and the CLI's exit codes.</summary>
    public static string TypeOf(UseCaseError error) => error switch
    {
        UseCaseError.Invalid => "urn:justculture:problem:invalid",
        UseCaseError.Forbidden => "urn:justculture:problem:forbidden",
        UseCaseError.NotFound => "urn:justculture:problem:not-found",
        UseCaseError.Conflict => "urn:justculture:problem:conflict",
        UseCaseError.LogBroken => "urn:justculture:problem:log-broken",
        _ => "urn:justculture:problem:rule-violated",
    };

    /// <summary>
    /// RFC 9457 problem details: <c>type</c> and <c>title</c> by category, <c>detail</c> the message, and — when the
    /// refusal names inputs — <c>errors</c> keyed by the command's field (as ASP.NET's validation problems are);
    /// otherwise <c>errors</c> lists per-item problems such as an import's bad rows.
    /// </summary>
    public static IResult ToProblem(UseCaseException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var status = StatusOf(refusal.Error);
        // A refusal keyed by input lists its problems in order, the first being the headline: detail is that
        // headline, and errors every problem keyed by the command's field (the shape of ASP.NET's validation
        // problems), so a client can put each message beside its input. Unkeyed refusals list their details.
        var keyed = refusal.FieldProblems;
        var detail = keyed.Count > 0 ? keyed[0].Message : refusal.Message;
        Dictionary<string, object?>? extensions = null;
        if (keyed.Count > 0)
        {
            extensions = new()
            {
                ["errors"] = keyed.GroupBy(p => p.Field, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal),
            };
        }
        else if (refusal.Details.Count > 0)
        {
            extensions = new() { ["errors"] = refusal.Details };
        }

        return Results.Problem(detail: detail, statusCode: status, title: TitleOf(refusal.Error), type: TypeOf(refusal.Error), extensions: extensions);
    }

    private static string TitleOf(UseCaseError error) => error switch
    {
        UseCaseError.Invalid => "The request is not valid",
        UseCaseError.Forbidden => "You may not do this",
        UseCaseError.NotFound => "Not found",
        UseCaseError.Conflict => "The case has moved on",
        UseCaseError.LogBroken => "The decision log failed verification",
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
