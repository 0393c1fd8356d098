using System.Reflection;
using JustCulture.TestSupport;
using Xunit;

namespace JustCulture.Persistence.Tests.Support;

/// <summary>
/// Member data whose rows need SQL Server: reported skipped, with the reason, unless <c>JUSTCULTURE_SQLSERVER</c>
/// names a server (as <see cref="SqlServerDataAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SqlServerMemberDataAttribute : MemberDataAttributeBase
{
    public SqlServerMemberDataAttribute(string memberName)
        : base(memberName, [])
    {
        if (!SqlServerServer.IsAvailable)
        {
            Skip = "SQL Server not available: " + SqlServerServer.UnavailableMessage;
        }
    }

    protected override object[] ConvertDataItem(MethodInfo testMethod, object item) =>
        item as object[] ?? throw new ArgumentException($"{MemberName} must yield object[] rows, not {item?.GetType().Name}", nameof(item));
}
