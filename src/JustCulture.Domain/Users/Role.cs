namespace JustCulture.Domain.Users;

/// <summary>The four roles of docs/domain/roles.md. Stored by name, so never renumber or rename casually.</summary>
public enum Role
{
    LineManager,
    CommissioningManager,
    Auditor,
    Administrator,
}
