namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// Standard base64 with padding, accepted only in its one canonical spelling: no whitespace, no missing padding,
/// no stray bits in the last character. That way a parsed note writes back byte for byte.
/// </summary>
internal static class StrictBase64
{
    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        var buffer = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        var decoded = buffer.AsSpan(0, written).ToArray();
        // Convert skips whitespace and tolerates non-zero trailing bits; re-encoding catches both.
        if (!string.Equals(Convert.ToBase64String(decoded), text, StringComparison.Ordinal))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }
}
