using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Benchmarks;

/// <summary>
/// P5: verifying the whole decision log of N entries (docs/log-format.md §5) against the floor — SHA-256 over the
/// same canonical leaf inputs (0x00 ‖ leaf data, the RFC 9162 leaf hash), precomputed in memory. Verification also
/// reads the rows, checks every seal (HMAC) and grows the tree; the target is at least half the floor's throughput,
/// i.e. a ratio of medians of at most 2. SQLite only: the read path is the same on every provider.
/// </summary>
[Config(typeof(RatioSingleInvocationConfig))]
public class P5VerifyBenchmarks
{
    private string _directory = string.Empty;
    private DatabaseLocation _database = null!;
    private DecisionLogTrust _trust = null!;
    private byte[] _leafInputs = [];
    private int[] _offsets = [];

    /// <summary>Quick: 10k and 100k; the recorded run (JUSTCULTURE_BENCH_FULL=1) adds 1M. JUSTCULTURE_BENCH_P5_ENTRIES
    /// (comma-separated) overrides both, for a smoke run.</summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("JUSTCULTURE_BENCH_P5_ENTRIES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : RatioConfig.Full ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];

    [ParamsSource(nameof(Sizes))]
    public int Entries { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"jc-bench-p5-{Guid.NewGuid():N}")).FullName;
        _database = await P5LogVolume.BuildAsync(Path.Combine(_directory, "log.db"), Entries);
        _trust = new DecisionLogTrust(DecisionLogSettings.Resolve(_database));

        // The floor's input: every entry's canonical leaf input, back to back, as verification computes it.
        await using var db = _database.CreateContext();
        var inputs = new MemoryStream();
        var offsets = new List<int> { 0 };
        var buffer = new byte[4096];
        await foreach (var entry in db.DecisionLog.AsNoTracking().OrderBy(e => e.EntryId).AsAsyncEnumerable())
        {
            var length = LeafEncoding.WriteLeafInput(entry, buffer);
            inputs.Write(buffer, 0, length);
            offsets.Add((int)inputs.Length);
        }

        _leafInputs = inputs.ToArray();
        _offsets = [.. offsets];
        if (_offsets.Length - 1 != Entries)
        {
            throw new InvalidOperationException($"The log holds {_offsets.Length - 1} entries, not {Entries}.");
        }
    }

    [Benchmark(Baseline = true, Description = "SHA-256 of every leaf input, in memory")]
    public byte RawLeafHashes()
    {
        Span<byte> hash = stackalloc byte[32];
        byte last = 0;
        for (var i = 0; i < _offsets.Length - 1; i++)
        {
            SHA256.HashData(_leafInputs.AsSpan(_offsets[i], _offsets[i + 1] - _offsets[i]), hash);
            last ^= hash[0];
        }

        return last;
    }

    [Benchmark(Description = "Verify the whole log")]
    public long VerifyWholeLog() => VerifyAsync().GetAwaiter().GetResult();

    private async Task<long> VerifyAsync()
    {
        await using var db = _database.CreateContext();
        var verification = await DecisionLogVerifier.VerifyAsync(db, _trust);
        return verification.IsIntact && verification.EntriesChecked == Entries
            ? verification.EntriesChecked
            : throw new InvalidOperationException($"The benchmark log does not verify: {verification.Problem}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _trust.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
