namespace JustCulture.Domain.Users;

/// <summary>Someone who signs in. <see cref="StaffRef"/> links the user to their own staff record:
/// that link is how line management and reviewer independence are known. Users are deactivated, never
/// deleted: the decision log and the cases name them.</summary>
public sealed class User
{
    private User(string userId, string name, Role role, string? staffRef)
    {
        UserId = userId;
        Name = name;
        Role = role;
        StaffRef = staffRef;
    }

    public string UserId { get; private set; }
    public string Name { get; private set; }
    public Role Role { get; private set; }
    public string? StaffRef { get; private set; }

    /// <summary>When an administrator deactivated the user; null while they may sign in.</summary>
    public DateTime? DeactivatedAtUtc { get; private set; }

    public bool IsActive => DeactivatedAtUtc is null;

    public void ChangeRole(Role role)
    {
        if (!Enum.IsDefined(role))
        {
            throw new DomainRuleException($"Unknown role '{role}'.");
        }

        Role = role;
    }

    public void Deactivate(DateTime atUtc)
    {
        if (!IsActive)
        {
            throw new DomainRuleException($"User '{UserId}' is already deactivated.");
        }

        DeactivatedAtUtc = atUtc;
    }

    public void Reactivate()
    {
        if (IsActive)
        {
            throw new DomainRuleException($"User '{UserId}' is already active.");
        }

        DeactivatedAtUtc = null;
    }

    public static User Create(string userId, string name, Role role, string? staffRef)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new DomainRuleException("A user id is required.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException($"User '{userId}' needs a name.");
        }

        if (!Enum.IsDefined(role))
        {
            throw new DomainRuleException($"Unknown role '{role}'.");
        }

        return new User(userId.Trim(), name.Trim(), role, string.IsNullOrWhiteSpace(staffRef) ? null : staffRef.Trim());
    }
}
