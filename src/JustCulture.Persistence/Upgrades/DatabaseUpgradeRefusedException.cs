namespace JustCulture.Persistence.Upgrades;

/// <summary>A database that cannot be migrated as it is; the message says why and what to do. Nothing was changed.</summary>
public sealed class DatabaseUpgradeRefusedException : Exception
{
    public DatabaseUpgradeRefusedException()
    {
    }

    public DatabaseUpgradeRefusedException(string message)
        : base(message)
    {
    }

    public DatabaseUpgradeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
