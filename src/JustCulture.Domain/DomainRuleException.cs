namespace JustCulture.Domain;

/// <summary>
/// A business rule was broken (an illegal transition, a reviewer who is not independent, …).
/// Callers surface it as "rule violated" (HTTP 422 / non-zero CLI exit), never as a crash.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message);
