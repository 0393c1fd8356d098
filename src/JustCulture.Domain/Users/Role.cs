namespace JustCulture.Domain.Users;

/// <summary>The four roles of DESIGN §2.4. Stored by name, so never renumber or rename casually.</summary>
public enum Role
{
    LineManager,
    CommissioningManager,
    Auditor,
    Administrator,
}
