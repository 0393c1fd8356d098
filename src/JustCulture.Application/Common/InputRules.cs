namespace JustCulture.Application.Common;

/// <summary>
/// Shape rules for text a person types, checked before anything is loaded or stored, on every surface:
/// a length limit per field and no control characters. A NUL or an unpaired surrogate would otherwise be
/// refused by PostgreSQL deep inside a step (a 500) while SQLite stored it; both now refuse it up front.
/// </summary>
public static class InputRules
{
    /// <summary>Adds a problem for <paramref name="field"/> when <paramref name="value"/> breaks its rules.</summary>
    /// <param name="label">How the field is named to the person, lower case, e.g. "the summary".</param>
    /// <param name="multiline">Whether line breaks and tabs are allowed (free text) or not (ids, answers).</param>
    public static void Text(ICollection<FieldProblem> problems, string field, string? value, string label, int maxLength, bool required, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add(new(field, $"Enter {label}."));
            }

            return;
        }

        if (value.Trim().Length > maxLength)
        {
            problems.Add(new(field, $"{Capitalised(label)} must be {maxLength} characters or fewer."));
        }
        else if (ForbiddenCharacter(value, multiline) is { } position)
        {
            problems.Add(new(field, $"{Capitalised(label)} contains a character that cannot be stored (a control character at position {position + 1}); remove it and try again."));
        }
    }

    private static string Capitalised(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];

    /// <summary>Refuses the command when any problem was found.</summary>
    public static void ThrowIfAny(IReadOnlyList<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count > 0)
        {
            throw UseCaseException.InvalidFields(problems);
        }
    }

    /// <summary>Where the first character that may not be stored is, or null.</summary>
    public static int? ForbiddenCharacter(string value, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            var allowedWhitespace = multiline && c is '\n' or '\r' or '\t';
            if ((char.IsControl(c) && !allowedWhitespace) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                return i;
            }
        }

        return null;
    }
}
