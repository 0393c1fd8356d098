using JustCulture.Persistence.DecisionLog;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace JustCulture.Persistence.Tests.SqlServer;

/// <summary>
/// The sequencer's SQL Server read (docs/decisions/0011-sql-server.md), which runs only against a server: here it is
/// at least read with SQL Server 2022's grammar, and its order checked — the exclusive queue lock before the read.
/// </summary>
public class SqlServerQueueHeadTests
{
    [Fact]
    public void ParsesAndLocksBeforeReadingGivenTheQueueHeadQuery()
    {
        var (errors, statements) = TransactSqlScript.Parse(SqlServerQueueHead.Query);

        errors.ShouldBeEmpty(TransactSqlScript.Describe(errors, SqlServerQueueHead.Query));
        var order = statements.ToList();
        var takeLock = order.OfType<ExecuteStatement>().Single();
        var read = order.OfType<SelectStatement>().Single();
        SqlServerQueueHead.Query.Substring(takeLock.StartOffset, takeLock.FragmentLength)
            .ShouldContain("sp_getapplock @Resource = N'decision_log_queue', @LockMode = N'Exclusive', @LockOwner = N'Transaction'");
        order.IndexOf(takeLock).ShouldBeLessThan(order.IndexOf(read));
        // A read without the lock (timed out, or given up in a deadlock) returns before the SELECT.
        order.IndexOf(order.OfType<IfStatement>().Single()).ShouldBeLessThan(order.IndexOf(read));
        read.WithCtesAndXmlNamespaces.CommonTableExpressions.Select(c => c.ExpressionName.Value).ShouldBe(["refused", "head"]);
    }
}
