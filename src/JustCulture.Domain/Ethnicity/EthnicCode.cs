using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace JustCulture.Domain.Ethnicity;

/// <summary>
/// An NHS Data Dictionary ethnic category (2001 census codes) exactly as recorded, with the WRES group
/// derived from it. Unknown codes are rejected rather than guessed: a wrong group silently moves a person
/// between the numerator and the excluded count of indicator 3.
/// </summary>
public sealed record EthnicCode
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["A"] = "White - British",
        ["B"] = "White - Irish",
        ["C"] = "White - Any other White background",
        ["D"] = "Mixed - White and Black Caribbean",
        ["E"] = "Mixed - White and Black African",
        ["F"] = "Mixed - White and Asian",
        ["G"] = "Mixed - Any other mixed background",
        ["H"] = "Asian or Asian British - Indian",
        ["J"] = "Asian or Asian British - Pakistani",
        ["K"] = "Asian or Asian British - Bangladeshi",
        ["L"] = "Asian or Asian British - Any other Asian background",
        ["M"] = "Black or Black British - Caribbean",
        ["N"] = "Black or Black British - African",
        ["P"] = "Black or Black British - Any other Black background",
        ["R"] = "Other Ethnic Groups - Chinese",
        ["S"] = "Other Ethnic Groups - Any other ethnic group",
        ["Z"] = "Not stated",
        ["99"] = "Not known",
    };

    private EthnicCode(string code, string description, WresGroup group)
    {
        Code = code;
        Description = description;
        WresGroup = group;
    }

    /// <summary>The code as recorded ("A", "C2", "N", "Z", "99"; empty when the field was blank).</summary>
    public string Code { get; }

    public string Description { get; }

    public WresGroup WresGroup { get; }

    public static EthnicCode NotRecorded { get; } = new(string.Empty, "Not recorded", WresGroup.NotStated);

    /// <summary>Parses "N", "N Black or Black British - African", "C2", "99" or blank.</summary>
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

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var code = (space < 0 ? text : text[..space]).ToUpperInvariant();
        var recordedDescription = space < 0 ? null : text[(space + 1)..].Trim();

        var group = GroupOf(code);
        if (group is null)
        {
            error = $"'{code}' is not an NHS ethnic category code (expected A-S, Z or 99, optionally followed by its description)";
            return false;
        }

        var description = string.IsNullOrEmpty(recordedDescription)
            ? Descriptions.GetValueOrDefault(code) ?? Descriptions[code[..1]] // C sub-codes take C's description
            : recordedDescription;
        result = new EthnicCode(code, description, group.Value);
        return true;
    }

    public static EthnicCode Parse(string? value) =>
        TryParse(value, out var code, out var error) ? code : throw new DomainRuleException(error!);

    /// <summary>Rebuilds a code already validated and stored.</summary>
    public static EthnicCode FromStored(string code) => Parse(code);

    private static WresGroup? GroupOf(string code)
    {
        if (code is "Z" or "99")
        {
            return WresGroup.NotStated;
        }

        if (code is "A" or "B" or "C")
        {
            return WresGroup.White;
        }

        // "C" and its two-character local sub-codes (C2, C3, CP …) are all "any other White background".
        if (code[0] == 'C' && code.Length == 2 && char.IsAsciiLetterOrDigit(code[1]))
        {
            return WresGroup.White;
        }

        if (code.Length == 1 && "DEFGHJKLMNPRS".Contains(code[0], StringComparison.Ordinal))
        {
            return WresGroup.Bme;
        }

        return null;
    }

    public override string ToString() => Code.Length == 0 ? Description : string.Create(CultureInfo.InvariantCulture, $"{Code} {Description}");
}
