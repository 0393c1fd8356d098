using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace JustCulture.Persistence.Tests.SqlServer;

/// <summary>
/// docs/decisions/0011-sql-server.md: with no SQL Server on the machine, each SQL Server migration's T-SQL is generated
/// without a connection and parsed with SQL Server 2022's own grammar (ScriptDom), and the log's protection must be in it.
/// </summary>
public class SqlServerMigrationScriptTests
{
    private static readonly DatabaseLocation NoServer = DatabaseLocation.Parse("sqlserver:Server=nowhere;Database=justculture;Integrated Security=True");

    public static TheoryData<string> Migrations()
    {
        using var db = NoServer.CreateContext();
        var data = new TheoryData<string>();
        foreach (var id in db.Database.GetMigrations())
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Migrations))]
    public void ParsesWithoutErrorsGivenEachMigrationScriptedAlone(string migration)
    {
        using var db = NoServer.CreateContext();
        var all = db.Database.GetMigrations().ToList();
        var previous = all.IndexOf(migration) is var at and > 0 ? all[at - 1] : Microsoft.EntityFrameworkCore.Migrations.Migration.InitialDatabase;

        var script = TransactSqlScript.Generate(db, previous, migration);
        var (errors, statements) = TransactSqlScript.Parse(script);
        var (executedErrors, executed) = TransactSqlScript.ParseExecuted(statements);

        errors.ShouldBeEmpty(TransactSqlScript.Describe(errors, script));
        executedErrors.ShouldBeEmpty(string.Join("\n", executedErrors.Select(e => TransactSqlScript.Describe([e.Error], e.Batch))));
        statements.ShouldNotBeEmpty();
    }

    [Fact]
    public void ParsesWithoutErrorsGivenTheIdempotentScript()
    {
        using var db = NoServer.CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var (errors, statements) = TransactSqlScript.Parse(script);
        var (executedErrors, executed) = TransactSqlScript.ParseExecuted(statements);

        errors.ShouldBeEmpty(TransactSqlScript.Describe(errors, script));
        executedErrors.ShouldBeEmpty(string.Join("\n", executedErrors.Select(e => TransactSqlScript.Describe([e.Error], e.Batch))));
        // Not vacuous: the protection inside the IF blocks was found and read.
        executed.Select(e => e.Statement).OfType<CreateTriggerStatement>().Count().ShouldBe(9);
    }

    [Fact]
    public void ParsesWithoutErrorsGivenTheModelAndAllMigrationsScripted()
    {
        using var db = NoServer.CreateContext();
        var script = db.Database.GenerateCreateScript();
        var migrations = TransactSqlScript.Generate(db, null, null);

        var (modelErrors, _) = TransactSqlScript.Parse(script);
        var (migrationErrors, statements) = TransactSqlScript.Parse(migrations);

        modelErrors.ShouldBeEmpty(TransactSqlScript.Describe(modelErrors, script));
        migrationErrors.ShouldBeEmpty(TransactSqlScript.Describe(migrationErrors, migrations));
        statements.OfType<CreateTableStatement>().Count().ShouldBe(27); // the model's tables (EF's history table is made inside an IF)
    }

    [Fact]
    public void ProtectsTheLogGivenTheMigrationsScript()
    {
        using var db = NoServer.CreateContext();
        var (_, script) = TransactSqlScript.Parse(TransactSqlScript.Generate(db, null, null));
        var statements = TransactSqlScript.ParseExecuted(script).Statements.Select(e => e.Statement).ToList();
        var triggers = statements.OfType<CreateTriggerStatement>()
            .ToDictionary(t => t.Name.BaseIdentifier.Value, t => (Table: t.TriggerObject.Name.BaseIdentifier.Value, t.TriggerType,
                Actions: string.Join(", ", t.TriggerActions.Select(a => a.TriggerActionType).Order())), StringComparer.Ordinal);

        foreach (var table in (string[])["decision_log", "decision_log_leaves", "decision_log_tree_heads"])
        {
            triggers[$"{table}_no_update_delete"].ShouldBe((table, TriggerType.InsteadOf, "Delete, Update"));
        }

        triggers["decision_log_queue_no_update"].ShouldBe(("decision_log_queue", TriggerType.InsteadOf, "Update"));
        triggers["decision_log_enqueue"].ShouldBe(("decision_log", TriggerType.After, "Insert"));
        triggers["decision_log_leaves_in_order"].ShouldBe(("decision_log_leaves", TriggerType.After, "Insert"));
        triggers["decision_log_tree_heads_match_leaves"].ShouldBe(("decision_log_tree_heads", TriggerType.After, "Insert"));
        triggers["case_data_keys_erase_only"].ShouldBe(("case_data_keys", TriggerType.After, "Update"));
        triggers["case_data_keys_no_delete"].ShouldBe(("case_data_keys", TriggerType.InsteadOf, "Delete"));
        triggers.Count.ShouldBe(9);

        // TRUNCATE fires no trigger: each table it could empty is held by an indexed view.
        var views = statements.OfType<CreateViewStatement>().Select(v => v.SchemaObjectName.BaseIdentifier.Value).Order(StringComparer.Ordinal).ToList();
        views.ShouldBe(["case_data_keys_no_truncate", "decision_log_leaves_no_truncate", "decision_log_tree_heads_no_truncate"]);
        statements.OfType<CreateIndexStatement>().Where(i => i.Clustered == true && i.Unique).Select(i => i.OnName.BaseIdentifier.Value)
            .Order(StringComparer.Ordinal).ShouldBe(views);
    }

    [Fact]
    public void QueuesEachEntryWithItsTransactionGivenTheEnqueueTrigger()
    {
        using var db = NoServer.CreateContext();
        var (_, script) = TransactSqlScript.Parse(TransactSqlScript.Generate(db, null, null));
        var (batch, enqueue) = TransactSqlScript.ParseExecuted(script).Statements
            .Single(e => e.Statement is CreateTriggerStatement t && t.Name.BaseIdentifier.Value == "decision_log_enqueue");
        var body = batch.Substring(enqueue.StartOffset, enqueue.FragmentLength);

        body.ShouldContain("sp_getapplock @Resource = N'decision_log_queue', @LockMode = N'Shared', @LockOwner = N'Transaction'");
        body.ShouldContain("INSERT INTO decision_log_queue (entry_id, transaction_id)");
        body.ShouldContain("CURRENT_TRANSACTION_ID() FROM inserted ORDER BY entry_id");
    }

    [Fact]
    public void RefusesSharedStaffRefsThenIndexesGivenTheOneUserPerStaffRefScript()
    {
        using var db = NoServer.CreateContext();
        var all = db.Database.GetMigrations().ToList();
        var migration = all.Single(id => id.EndsWith("_OneUserPerStaffRef", StringComparison.Ordinal));

        var (errors, statements) = TransactSqlScript.Parse(TransactSqlScript.Generate(db, all[all.IndexOf(migration) - 1], migration));
        var executed = TransactSqlScript.ParseExecuted(statements).Statements.Select(e => e.Statement).ToList();

        errors.ShouldBeEmpty();
        executed.OfType<IfStatement>().Single().ThenStatement.ShouldBeOfType<BeginEndBlockStatement>()
            .StatementList.Statements.OfType<ThrowStatement>().ShouldHaveSingleItem();
        var index = statements.OfType<CreateIndexStatement>().Single();
        (index.Name.Value, index.Unique, index.FilterPredicate is not null).ShouldBe(("IX_app_users_staff_ref", true, true));
        // The check runs before the old index is dropped, so a refused database is left as it was.
        var order = statements.ToList();
        order.IndexOf(statements.OfType<ExecuteStatement>().Single()).ShouldBeLessThan(order.IndexOf(statements.OfType<DropIndexStatement>().Single()));
    }

    [Fact]
    public void HasNoPendingModelChangesGivenTheSqlServerMigrations()
    {
        using var db = NoServer.CreateContext();

        db.Database.HasPendingModelChanges().ShouldBeFalse();
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }
}
