using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JustCulture.Domain.Ethnicity;

/// <summary>
/// An NHS Data Dictionary ethnic category (2001 census codes) exactly as recorded, with the WRES group
/// derived from it. A value is one of:
/// <list type="bullet">
/// <item>a national code — A, B, C (White), D–H, J–N, P, R, S (BME), Z (not stated) — or 99 (not known);</item>
/// <item>a local sub-code, as ESR writes them: two characters, the national code then a local letter or digit
/// ("C3", "A1", "M9", "LF", "Z1"); its group is its national category's, the first character;</item>
/// <item>either of those followed by a description after a space, dash or colon ("A - White British",
/// "M9: Black - other"); the description is kept but never read for the group.</item>
/// </list>
/// Anything else is rejected rather than guessed — "T", "Q1", "C33", "White" — because a wrong group silently
/// moves a person between the numerator and the excluded count of indicator 3.
/// </summary>
public sealed record EthnicCode
{
    private const string NotKnownCode = "99";

    /// <summary>The national categories and their Data Dictionary descriptions.</summary>
    private static readonly Dictionary<char, (string Description, WresGroup Group)> National = new()
    {
        ['A'] = ("White - British", WresGroup.White),
        ['B'] = ("White - Irish", WresGroup.White),
        ['C'] = ("White - Any other White background", WresGroup.White),
        ['D'] = ("Mixed - White and Black Caribbean", WresGroup.Bme),
        ['E'] = ("Mixed - White and Black African", WresGroup.Bme),
        ['F'] = ("Mixed - White and Asian", WresGroup.Bme),
        ['G'] = ("Mixed - Any other mixed background", WresGroup.Bme),
        ['H'] = ("Asian or Asian British - Indian", WresGroup.Bme),
        ['J'] = ("Asian or Asian British - Pakistani", WresGroup.Bme),
        ['K'] = ("Asian or Asian British - Bangladeshi", WresGroup.Bme),
        ['L'] = ("Asian or Asian British - Any other Asian background", WresGroup.Bme),
        ['M'] = ("Black or Black British - Caribbean", WresGroup.Bme),
        ['N'] = ("Black or Black British - African", WresGroup.Bme),
        ['P'] = ("Black or Black British - Any other Black background", WresGroup.Bme),
        ['R'] = ("Other Ethnic Groups - Chinese", WresGroup.Bme),
        ['S'] = ("Other Ethnic Groups - Any other ethnic group", WresGroup.Bme),
        ['Z'] = ("Not stated", WresGroup.NotStated),
    };

    /// <summary>What may stand between the code and its description: "A White", "A - White", "A: White", "A – White".</summary>
    private static readonly char[] Separators = [' ', '\t', '-', '–', '—', ':'];

    private const string Expected =
        "expected a national code A-H, J-N, P, R, S or Z, 99 for not known, or a two-character local sub-code starting with a national code such as C3, optionally followed by its description";

    private EthnicCode(string code, string description, WresGroup group)
    {
        Code = code;
        Description = description;
        WresGroup = group;
    }

    /// <summary>The code as recorded, upper case ("A", "C3", "N", "Z", "99"; empty when the field was blank).</summary>
    public string Code { get; }

    public string Description { get; }

    public WresGroup WresGroup { get; }

    /// <summary>The national category: the first character of a code (a sub-code's parent), or "99".</summary>
    public string NationalCode => Code.Length == 0 || Code == NotKnownCode ? Code : Code[..1];

    public bool IsLocalSubCode => Code.Length == 2 && Code != NotKnownCode;

    public static EthnicCode NotRecorded { get; } = new(string.Empty, "Not recorded", WresGroup.NotStated);

    /// <summary>Parses "N", "C3", "99", "N Black or Black British - African", "A - White British", "M9: Black - other" or blank.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out EthnicCode? result, out string? error)
    {
        result = null;
        error = null;
        var text = (value ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            result = NotRecorded;
            return true;
        }

        var codeLength = 0;
        while (codeLength < text.Length && char.IsAsciiLetterOrDigit(text[codeLength]))
        {
            codeLength++;
        }

        var code = text[..codeLength].ToUpperInvariant();
        var rest = text[codeLength..];
        if (code.Length == 0 || (rest.Length > 0 && !Separators.Contains(rest[0])))
        {
            error = $"'{text}' is not an NHS ethnic category code ({Expected})";
            return false;
        }

        var recordedDescription = rest.TrimStart(Separators).Trim();
        if (rest.Length > 0 && !recordedDescription.Any(char.IsLetter))
        {
            // "C-1" or "C 3": not a code followed by a description, and reading it as "C" would be a guess.
            error = $"'{text}' is not an NHS ethnic category code ({Expected})";
            return false;
        }

        if (Classify(code) is not { } national)
        {
            error = $"'{code}' is not an NHS ethnic category code ({Expected})";
            return false;
        }

        var description = recordedDescription.Length > 0 ? recordedDescription : national.Description;
        result = new EthnicCode(code, description, national.Group);
        return true;
    }

    public static EthnicCode Parse(string? value) =>
        TryParse(value, out var code, out var error) ? code : throw new DomainRuleException(error!);

    /// <summary>Rebuilds a code already validated and stored.</summary>
    public static EthnicCode FromStored(string code) => Parse(code);

    /// <summary>The national category's description and group for a code, or null when it is not one.</summary>
    private static (string Description, WresGroup Group)? Classify(string code)
    {
        if (code == NotKnownCode)
        {
            return ("Not known", WresGroup.NotStated);
        }

        // A national code, or a national code and one local letter or digit; nothing longer.
        if (code.Length is < 1 or > 2 || !National.TryGetValue(code[0], out var national))
        {
            return null;
        }

        return national;
    }

    public override string ToString() => Code.Length == 0 ? Description : string.Create(CultureInfo.InvariantCulture, $"{Code} {Description}");
}
