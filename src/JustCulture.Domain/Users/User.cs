namespace JustCulture.Domain.Users;

/// <summary>Someone who signs in. <see cref="StaffRef"/> links the user to their own staff record:
/// that link is how line management and reviewer independence are known.</summary>
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
