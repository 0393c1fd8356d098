using System.Globalization;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// A C2SP tlog checkpoint as this log writes it (docs/log-format.md §2): origin, tree size, root hash and the
/// time it was signed, in exactly four lines. <see cref="Text"/> is the byte-exact text that gets signed.
/// </summary>
public sealed record Checkpoint
{
    public const int RootLength = 32;

    private const string TimePrefix = "time ";

    // DateTimeOffset.MaxValue in Unix seconds: a later time cannot be represented.
    private const long MaxUnixSeconds = 253_402_300_799;

    private readonly byte[] _root;

    public Checkpoint(string origin, long size, byte[] root, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(root);
        if (!KeyNames.IsValid(origin))
        {
            throw new ArgumentException($"The origin '{origin}' is not a valid key name: {KeyNames.Rule}.", nameof(origin));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (root.Length != RootLength)
        {
            throw new ArgumentException($"The root must be {RootLength} bytes, not {root.Length}.", nameof(root));
        }

        if (signedAt.Ticks % TimeSpan.TicksPerSecond != 0 || signedAt < DateTimeOffset.UnixEpoch)
        {
            throw new ArgumentException("The signing time must be whole seconds, not before 1970.", nameof(signedAt));
        }

        Origin = origin;
        Size = size;
        _root = (byte[])root.Clone();
        SignedAt = signedAt.ToUniversalTime();
    }

    public string Origin { get; }

    public long Size { get; }

    /// <summary>The RFC 9162 root hash of the first <see cref="Size"/> leaves (a copy; 32 bytes).</summary>
    public byte[] Root => (byte[])_root.Clone();

    /// <summary>When the log signed it, in UTC, whole seconds.</summary>
    public DateTimeOffset SignedAt { get; }

    /// <summary>The four lines the log signs, each ending in a newline.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture,
        $"{Origin}\n{Size}\n{Convert.ToBase64String(_root)}\n{TimePrefix}{SignedAt.ToUnixTimeSeconds()}\n");

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && Size == other.Size && SignedAt == other.SignedAt
        && _root.AsSpan().SequenceEqual(other._root);

    public override int GetHashCode() => HashCode.Combine(Origin, Size, SignedAt, BitConverter.ToInt32(_root, 0));

    /// <summary>
    /// Reads a checkpoint text (a signed note's text) strictly: exactly the four lines <see cref="Text"/> writes.
    /// </summary>
    /// <exception cref="CheckpointFormatException">naming <paramref name="sourceName"/>, the line and the problem.</exception>
    public static Checkpoint ParseText(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            throw new CheckpointFormatException(sourceName, "the checkpoint text does not end in a newline");
        }

        var lines = text[..^1].Split('\n');
        string[] expected = ["the origin", "the tree size", "the root hash", "the time line"];
        if (lines.Length < expected.Length)
        {
            throw Problem(lines.Length + 1, $"{expected[lines.Length]} is missing (a checkpoint has four lines)");
        }

        if (lines.Length > expected.Length)
        {
            throw Problem(5, "unexpected line after the time line (a checkpoint has exactly four lines)");
        }

        var origin = lines[0];
        if (!KeyNames.IsValid(origin))
        {
            throw Problem(1, $"the origin is not a valid key name ({KeyNames.Rule})");
        }

        if (!TryParseDecimal(lines[1], out var size))
        {
            throw Problem(2, "the tree size is not a decimal number without sign or leading zeros");
        }

        if (!StrictBase64.TryDecode(lines[2], out var root) || root.Length != RootLength)
        {
            throw Problem(3, $"the root is not base64 of {RootLength} bytes");
        }

        if (!lines[3].StartsWith(TimePrefix, StringComparison.Ordinal)
            || !TryParseDecimal(lines[3][TimePrefix.Length..], out var seconds) || seconds > MaxUnixSeconds)
        {
            throw Problem(4, "expected 'time <Unix seconds>' with the seconds in decimal");
        }

        return new Checkpoint(origin, size, root, DateTimeOffset.FromUnixTimeSeconds(seconds));

        CheckpointFormatException Problem(int line, string what) => new(sourceName, $"line {line}: {what}");
    }

    /// <summary>Decimal digits only, no leading zeros (except "0" itself), fitting a non-negative long.</summary>
    internal static bool TryParseDecimal(string text, out long value)
    {
        value = 0;
        if (text.Length == 0 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
