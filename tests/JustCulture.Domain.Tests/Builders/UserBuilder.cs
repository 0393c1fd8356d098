using JustCulture.Domain.Users;

namespace JustCulture.Domain.Tests.Builders;

/// <summary>Users for the roles of docs/domain/roles.md; by default the line manager "M1" of the default subject.</summary>
public sealed class UserBuilder
{
    private string _userId = "lm.one";
    private string _name = "Lee Manager";
    private Role _role = Role.LineManager;
    private string? _staffRef = "M1";

    public static UserBuilder LineManager(string userId = "lm.one", string staffRef = "M1") =>
        new UserBuilder().WithId(userId).InRole(Role.LineManager).LinkedTo(staffRef);

    public static UserBuilder Reviewer(string userId = "cm.one", string? staffRef = "R1") =>
        new UserBuilder().WithId(userId).InRole(Role.CommissioningManager).LinkedTo(staffRef);

    public UserBuilder WithId(string userId)
    {
        _userId = userId;
        return this;
    }

    public UserBuilder Named(string name)
    {
        _name = name;
        return this;
    }

    public UserBuilder InRole(Role role)
    {
        _role = role;
        return this;
    }

    public UserBuilder LinkedTo(string? staffRef)
    {
        _staffRef = staffRef;
        return this;
    }

    public User Build() => User.Create(_userId, _name, _role, _staffRef);
}
