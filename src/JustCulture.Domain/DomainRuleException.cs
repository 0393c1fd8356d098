namespace JustCulture.Domain;

/// <summary>
/// A business rule was broken (an illegal transition, a text that is too long, …).
/// Callers surface it as "rule violated" (HTTP 422 / non-zero CLI exit), never as a crash.
/// </summary>
/// <param name="field">The input the rule is about (a command property name such as "Summary"), when
/// there is one, so a form can show the message beside that field.</param>
public sealed class DomainRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
