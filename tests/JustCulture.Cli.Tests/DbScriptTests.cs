namespace JustCulture.Cli.Tests;

/// <summary>
/// <c>db script</c> prints a provider's full migration SQL for a DBA to review — the log's protections included —
/// from the model alone: no database is opened or created.
/// </summary>
public sealed class DbScriptTests : IDisposable
{
    private readonly CliSession _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task PrintsTablesAndTheLogsProtectionTriggersGivenSqlite()
    {
        var result = await _cli.RunAsync("db", "script", "--provider", "sqlite");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain("CREATE TABLE \"decision_log\"");
        result.Stdout.ShouldContain("CREATE TRIGGER decision_log_no_update BEFORE UPDATE ON decision_log");
        result.Stdout.ShouldContain("CREATE TRIGGER decision_log_leaves_no_delete BEFORE DELETE ON decision_log_leaves");
        result.Stdout.ShouldContain("CREATE TRIGGER decision_log_enqueue AFTER INSERT ON decision_log");
        result.Stdout.ShouldContain("CREATE TRIGGER case_data_keys_erase_only");
        result.Stdout.ShouldContain("CREATE UNIQUE INDEX \"IX_app_users_staff_ref\" ON \"app_users\" (\"staff_ref\") WHERE staff_ref IS NOT NULL;");
        File.Exists(_cli.DatabaseFile).ShouldBeFalse("db script must not open or create the database");
    }

    [Fact]
    public async Task PrintsTheLogsProtectionFunctionsAndTriggersGivenPostgres()
    {
        var result = await _cli.RunAsync("db", "script", "--provider", "postgres");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain("CREATE FUNCTION decision_log_refuse_change() RETURNS trigger");
        result.Stdout.ShouldContain("CREATE TRIGGER decision_log_no_update_delete BEFORE UPDATE OR DELETE ON decision_log");
        result.Stdout.ShouldContain("CREATE TRIGGER decision_log_tree_heads_no_truncate BEFORE TRUNCATE ON decision_log_tree_heads");
        result.Stdout.ShouldContain("CREATE TRIGGER case_data_keys_no_delete BEFORE DELETE ON case_data_keys");
        result.Stdout.ShouldContain("Each staff ref may belong to at most one user account");
        File.Exists(_cli.DatabaseFile).ShouldBeFalse("db script must not open or create the database");
    }

    [Fact]
    public async Task PrintsTheLogsProtectionTriggersAndTruncateGuardsGivenSqlServer()
    {
        var result = await _cli.RunAsync("db", "script", "--provider", "sqlserver");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain("CREATE TABLE [decision_log]");
        result.Stdout.ShouldContain("EXEC(N'CREATE TRIGGER decision_log_no_update_delete ON decision_log INSTEAD OF UPDATE, DELETE AS");
        result.Stdout.ShouldContain("EXEC(N'CREATE TRIGGER decision_log_enqueue ON decision_log AFTER INSERT AS");
        result.Stdout.ShouldContain("EXEC(N'CREATE TRIGGER case_data_keys_erase_only ON case_data_keys AFTER UPDATE AS");
        result.Stdout.ShouldContain("EXEC(N'CREATE VIEW dbo.decision_log_leaves_no_truncate WITH SCHEMABINDING");
        result.Stdout.ShouldContain("CREATE UNIQUE INDEX [IX_app_users_staff_ref] ON [app_users] ([staff_ref]) WHERE staff_ref IS NOT NULL;");
        result.Stdout.ShouldContain("Each staff ref may belong to at most one user account");
        File.Exists(_cli.DatabaseFile).ShouldBeFalse("db script must not open or create the database");
    }

    [Fact]
    public async Task WritesOnlyTheLaterMigrationsGivenFromAndOut()
    {
        var baseline = (await _cli.RunAsync("db", "script", "--provider", "postgres")).Stdout;
        var target = _cli.PathFor("later.sql");

        var result = await _cli.RunAsync("db", "script", "--provider", "postgres", "--idempotent", "--from", FirstMigrationId(baseline), "--out", target);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain($"to {target}");
        var later = await File.ReadAllTextAsync(target);
        later.ShouldContain("IX_app_users_staff_ref");
        // Only the tables later migrations add, none of the Baseline's.
        System.Text.RegularExpressions.Regex.Matches(later, @"CREATE TABLE (\S+)").Select(m => m.Groups[1].Value.Trim('"'))
            .ShouldBe(
            [
                "suspensions", "suspension_alternatives", "wellbeing_records", "wellbeing_check_ins", "ambassador_invitations",
                "fairness_survey_invitations", "fairness_survey_responses", "organisation_history", "formal_proceedings", "clock_digest_days", "workflow_timers",
            ], ignoreOrder: true);
        later.ShouldContain("IF NOT EXISTS(SELECT 1 FROM \"__EFMigrationsHistory\"");
    }

    [Fact]
    public async Task RefusesNamingTheProvidersGivenAnUnknownOne()
    {
        var result = await _cli.RunAsync("db", "script", "--provider", "oracle");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("oracle");
    }

    /// <summary>The Baseline's id, read from the history insert the script ends its first migration with.</summary>
    private static string FirstMigrationId(string script)
    {
        const string marker = "VALUES ('";
        var start = script.IndexOf(marker, script.IndexOf("INSERT INTO \"__EFMigrationsHistory\"", StringComparison.Ordinal), StringComparison.Ordinal) + marker.Length;
        var id = script[start..script.IndexOf('\'', start)];
        id.ShouldEndWith("_Baseline");
        return id;
    }
}
