using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace JustCulture.Persistence.Tests.SqlServer;

/// <summary>
/// A context's SQL Server migrations as T-SQL, generated without a connection (what <c>justculture db script</c> and
/// <c>dotnet ef migrations script</c> print), and parsed the way SQL Server 2022 would read it.
/// </summary>
public static class TransactSqlScript
{
    /// <summary>The script of one migration (from the one before it), or of them all when <paramref name="migration"/> is null.</summary>
    public static string Generate(DbContext db, string? fromMigration, string? toMigration)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.GetService<IMigrator>().GenerateScript(fromMigration, toMigration);
    }

    /// <summary>Every batch parsed with SQL Server 2022's grammar: the errors (none means SQL Server can read it) and the statements.</summary>
    public static (IReadOnlyList<ParseError> Errors, IReadOnlyList<TSqlStatement> Statements) Parse(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = parser.Parse(reader, out var errors);
        var statements = fragment is TSqlScript parsed ? parsed.Batches.SelectMany(b => b.Statements).ToList() : [];
        return (errors.ToList(), statements);
    }

    /// <summary>
    /// The batches the script runs through <c>EXEC(N'…')</c> (the migrations' triggers and views), each parsed in turn:
    /// their errors and statements, so what runs dynamically is checked as closely as the rest.
    /// </summary>
    public static (IReadOnlyList<(string Batch, ParseError Error)> Errors, IReadOnlyList<(string Batch, TSqlStatement Statement)> Statements) ParseExecuted(IEnumerable<TSqlStatement> statements)
    {
        var errors = new List<(string, ParseError)>();
        var parsed = new List<(string, TSqlStatement)>();
        foreach (var batch in Executed(statements))
        {
            var (batchErrors, batchStatements) = Parse(batch);
            errors.AddRange(batchErrors.Select(e => (batch, e)));
            parsed.AddRange(batchStatements.Select(s => (batch, s)));
        }

        return (errors, parsed);
    }

    /// <summary>The text of every <c>EXEC(N'…')</c> of a constant, walking into IF blocks (idempotent scripts).</summary>
    private static IEnumerable<string> Executed(IEnumerable<TSqlStatement> statements)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case ExecuteStatement { ExecuteSpecification.ExecutableEntity: ExecutableStringList list }:
                    yield return string.Concat(list.Strings.OfType<StringLiteral>().Select(l => l.Value));
                    break;
                case IfStatement conditional:
                    foreach (var inner in Executed([conditional.ThenStatement, .. conditional.ElseStatement is null ? [] : (TSqlStatement[])[conditional.ElseStatement]]))
                    {
                        yield return inner;
                    }

                    break;
                case BeginEndBlockStatement block:
                    foreach (var inner in Executed(block.StatementList.Statements))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    /// <summary>One line per parse error: where it is and what the parser expected, with the line itself.</summary>
    public static string Describe(IEnumerable<ParseError> errors, string script)
    {
        var lines = script.Split('\n');
        return string.Join('\n', errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message} | {(e.Line >= 1 && e.Line <= lines.Length ? lines[e.Line - 1].Trim() : string.Empty)}"));
    }
}
