using JustCulture.Application.Log;
using JustCulture.Persistence.DecisionLog;
using System.Security.Claims;
using JustCulture.Web.Hosting;

namespace JustCulture.Web.Api;

/// <summary>
/// What an auditor needs to check the record without trusting this server: the public key, the newest signed
/// checkpoint, an inclusion proof for one entry or one case, and a consistency proof between two sizes
/// (docs/log-format.md). Each proof is made against a checkpoint signed after the log verified.
/// </summary>
internal static class LogProofEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit/log").RequireAuthorization(Policies.AuditorOrAdministrator);

        audit.MapGet("/public-key", (DecisionLogTrust trust) => Results.Text(trust.PublicKey.ToPem(), "application/x-pem-file"))
            .WithSummary("The log's public key (PEM), to check checkpoints and proofs with");

        audit.MapGet("/checkpoint", async (CheckpointLogHandler handler, CancellationToken ct) =>
                await handler.HandleAsync(ct) is { } checkpoint
                    ? Results.Text(checkpoint.NoteText, "text/plain; charset=utf-8")
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The log is empty", detail: "Nothing has been signed yet."))
            .WithSummary("The newest signed checkpoint (a C2SP signed note), after integrating what is waiting");

        audit.MapGet("/proof/{sequence:long}", async (long sequence, ClaimsPrincipal user, ProveEntryHandler handler, CancellationToken ct) =>
                TypedResults.Ok(ForCaller(await handler.HandleAsync(sequence, ct), user)))
            .WithSummary("An RFC 9162 inclusion proof for one entry against a freshly signed checkpoint (for an auditor, without the entry's content)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        audit.MapGet("/proof", async (Guid concern, ClaimsPrincipal user, ProveEntryHandler handler, CancellationToken ct) =>
                TypedResults.Ok((await handler.ForConcernAsync(concern, ct)).Select(p => ForCaller(p, user)).ToList()))
            .WithSummary("Inclusion proofs for every entry of one case (query: concern=<id>), against one checkpoint — without the rest of the log")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        audit.MapGet("/consistency", async (long old, long @new, ProveConsistencyHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(old, @new, ct)))
            .WithSummary("An RFC 9162 consistency proof that the log of size `new` extends the log of size `old`")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// An auditor reads the log pseudonymised, so their proofs carry the leaf hash without the entry (no staff refs,
    /// user ids or written reasons); an administrator's carry the entry, to hand to the person it is about or a
    /// tribunal, who can then recompute it.
    /// </summary>
    private static InclusionProof ForCaller(InclusionProof proof, ClaimsPrincipal user) =>
        user.IsInRole(Policies.Administrator) ? proof : proof.WithEntryWithheld();
}
