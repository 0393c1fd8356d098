using System.Net;
using System.Text.Json;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.Merkle;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>
/// <c>/api/audit/log/*</c>: what an auditor needs to check the record without trusting the server. Every proof
/// is checked here as a recipient would, with only the public key the API gave.
/// </summary>
public sealed class LogProofApiTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private async Task<HttpClient> AuditorAsync() => await app.BearerClientAsync(Caller.Auditor);

    /// <summary>A verifier from the public key as the API hands it out, not from the server's own key object.</summary>
    private async Task<CheckpointVerifier> VerifierFromApiAsync(HttpClient client)
    {
        var pem = await client.GetStringAsync(new Uri("/api/audit/log/public-key", UriKind.Relative));
        return new CheckpointVerifier(LogPublicKey.FromPem(pem, "the API's public key"), DecisionLogSettings.DefaultOrigin);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
        where T : class
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonSerializer.Deserialize<T>(await response.Content.ReadAsStringAsync(), DecisionLogStore.ExportJson).ShouldNotBeNull();
    }

    [Fact]
    public async Task GivesTheNewestSignedCheckpointGivenAuditor()
    {
        var auditor = await AuditorAsync();
        var verifier = await VerifierFromApiAsync(auditor);

        var note = await auditor.GetStringAsync(new Uri("/api/audit/log/checkpoint", UriKind.Relative));

        var verified = verifier.Verify(note, "the API's checkpoint");
        verified.IsAccepted.ShouldBeTrue(verified.Problem);
        note.ShouldBe(app.Services.GetRequiredService<DecisionLogTrust>().Store.Newest().ShouldNotBeNull().NoteText);
        verified.Checkpoint.Size.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task GivesAProofWithTheEntryWithheldThatChecksGivenAuditor()
    {
        var auditor = await AuditorAsync();
        var verifier = await VerifierFromApiAsync(auditor);
        var stored = await app.QueryAsync(db => DecisionLogStore.Integrated(db, 17).SingleAsync(r => r.Sequence == 17));

        using var response = await auditor.GetAsync(new Uri("/api/audit/log/proof/17", UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        var proof = await ReadAsync<InclusionProof>(response);
        proof.Format.ShouldBe("justculture-inclusion-proof/2");
        proof.Sequence.ShouldBe(17);
        proof.LeafIndex.ShouldBe(16);
        // An auditor reads the log pseudonymised: the proof carries the leaf hash, not the entry.
        proof.Entry.ShouldBeNull();
        text.ShouldNotContain("\"" + stored.Entry.ActorId + "\"");
        proof.LeafHash.ShouldBe(Convert.ToBase64String(LeafEncoding.LeafHash(stored.Entry)));
        DecisionLogProofs.Check(proof, verifier, "proof 17").ShouldBeNull();
        // The same proof for another leaf no longer checks: the test can fail.
        var other = Convert.FromBase64String(proof.LeafHash);
        other[0] ^= 1;
        DecisionLogProofs.Check(proof with { LeafHash = Convert.ToBase64String(other) }, verifier, "proof 17").ShouldNotBeNull();
    }

    [Fact]
    public async Task GivesAProofCarryingTheEntryGivenAdministrator()
    {
        var administrator = await app.BearerClientAsync(Caller.Administrator);
        var verifier = await VerifierFromApiAsync(administrator);

        using var response = await administrator.GetAsync(new Uri("/api/audit/log/proof/17", UriKind.Relative));

        var proof = await ReadAsync<InclusionProof>(response);
        proof.Entry.ShouldNotBeNull().Sequence.ShouldBe(17);
        DecisionLogProofs.Check(proof, verifier, "proof 17").ShouldBeNull();
        DecisionLogProofs.Check(proof with { Entry = proof.Entry with { Answer = "Tampered" } }, verifier, "proof 17").ShouldNotBeNull();
    }

    [Fact]
    public async Task GivesAProofForEveryEntryOfTheCaseGivenAConcern()
    {
        var auditor = await AuditorAsync();
        var verifier = await VerifierFromApiAsync(auditor);
        var concernId = await app.QueryAsync(db => db.DecisionLog.Where(e => e.ConcernId != null).Select(e => e.ConcernId!.Value).FirstAsync());
        var entriesOfCase = await app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId));

        using var response = await auditor.GetAsync(new Uri($"/api/audit/log/proof?concern={concernId}", UriKind.Relative));

        var proofs = await ReadAsync<List<InclusionProof>>(response);
        proofs.Count.ShouldBe(entriesOfCase);
        proofs.ShouldAllBe(p => p.Entry == null);
        var leaves = await app.QueryAsync(db => DecisionLogStore.Integrated(db, long.MaxValue).Where(r => r.Entry.ConcernId == concernId).Select(r => r.Sequence).ToListAsync());
        proofs.Select(p => p.Sequence).Order().ShouldBe(leaves.Order());
        proofs.Select(p => p.Checkpoint).Distinct().Count().ShouldBe(1, "one checkpoint for the whole case");
        foreach (var proof in proofs)
        {
            DecisionLogProofs.Check(proof, verifier, $"proof {proof.Sequence}").ShouldBeNull();
        }
    }

    [Fact]
    public async Task GivesAConsistencyProofThatChecksGivenTwoSignedSizes()
    {
        var auditor = await AuditorAsync();
        var verifier = await VerifierFromApiAsync(auditor);
        var newest = verifier.Verify(await auditor.GetStringAsync(new Uri("/api/audit/log/checkpoint", UriKind.Relative)), "newest").Checkpoint;
        const long oldSize = 10;

        using var response = await auditor.GetAsync(new Uri($"/api/audit/log/consistency?old={oldSize}&new={newest.Size}", UriKind.Relative));

        var proof = await ReadAsync<ConsistencyProof>(response);
        proof.Format.ShouldBe("justculture-consistency-proof/1");
        (proof.OldSize, proof.NewSize).ShouldBe((oldSize, newest.Size));
        Convert.FromBase64String(proof.NewRoot).ShouldBe(newest.Root);
        // The old root, computed here from the first ten leaf hashes the log page shows.
        var firstLeaves = await app.QueryAsync(db => db.DecisionLogLeaves.Where(l => l.Sequence <= oldSize).OrderBy(l => l.Sequence).Select(l => l.LeafHash).ToListAsync());
        Convert.FromBase64String(proof.OldRoot).ShouldBe(MerkleTree.Root([.. firstLeaves.Select(Convert.FromHexString)], oldSize));
        MerkleProofs.VerifyConsistency(proof.OldSize, proof.NewSize, Convert.FromBase64String(proof.OldRoot), newest.Root, [.. proof.Path.Select(Convert.FromBase64String)]).ShouldBeTrue();
        MerkleProofs.VerifyConsistency(proof.OldSize, proof.NewSize, MerkleHashing.EmptyRoot, newest.Root, [.. proof.Path.Select(Convert.FromBase64String)]).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/api/audit/log/public-key")]
    [InlineData("/api/audit/log/checkpoint")]
    [InlineData("/api/audit/log/proof/1")]
    [InlineData("/api/audit/log/proof?concern=4f1c2a9e-0000-4000-8000-00000000abcd")]
    [InlineData("/api/audit/log/consistency?old=1&new=2")]
    public async Task RefusesGivenLineManager(string path)
    {
        var manager = await app.BearerClientAsync(Caller.LineManager);

        using var response = await manager.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(6, 5)]
    [InlineData(1, 999_999_999)]
    public async Task RefusesWithBadRequestGivenBadSizes(long oldSize, long newSize)
    {
        var auditor = await AuditorAsync();

        using var response = await auditor.GetAsync(new Uri($"/api/audit/log/consistency?old={oldSize}&new={newSize}", UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["sizes"]);
    }

    [Theory]
    [InlineData("/api/audit/log/proof/999999999")]
    [InlineData("/api/audit/log/proof/0")]
    [InlineData("/api/audit/log/proof?concern=4f1c2a9e-0000-4000-8000-00000000abcd")]
    public async Task AnswersNotFoundGivenUnknownEntryOrCase(string path)
    {
        var auditor = await AuditorAsync();

        using var response = await auditor.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("type").GetString().ShouldBe("urn:justculture:problem:not-found");
    }
}
