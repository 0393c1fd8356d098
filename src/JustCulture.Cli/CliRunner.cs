using System.CommandLine;
using JustCulture.Application;
using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Cli;

/// <summary>What a verb's body needs: its services, its writers and its parsed arguments.</summary>
internal sealed record CliContext(IServiceProvider Services, TextWriter Out, TextWriter Error, ParseResult Parse)
{
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public T Value<T>(Option<T> option) => Parse.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;
}

/// <summary>
/// Runs a verb's body with a fresh service scope and turns refusals into a clear message on standard
/// error and a non-zero exit code. One process, one scope: each verb is one unit of work.
/// </summary>
internal static class CliRunner
{
    public static Func<ParseResult, CancellationToken, Task<int>> Run(Func<CliContext, CancellationToken, Task<int>> body) =>
        async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var database = DatabaseLocation.Parse(parseResult.GetValue(CliOptions.Database));
                var services = new ServiceCollection()
                    .AddJustCultureApplication(database, parseResult.GetValue(CliOptions.Workflows), LogSettings(parseResult, database))
                    .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
                await using (services)
                {
                    await using var scope = services.CreateAsyncScope();
                    var exit = await body(new CliContext(scope.ServiceProvider, parseResult.InvocationConfiguration.Output, error, parseResult), cancellationToken);
                    // A command is a short process with no sequencer running beside it: what it wrote is integrated and
                    // signed before it ends, so every command leaves the log checkpointed.
                    if (services.GetRequiredService<DecisionLogWriter>().Appended > 0)
                    {
                        await services.GetRequiredService<DecisionLogSequencer>().CheckpointAsync(scope.ServiceProvider.GetRequiredService<JustCultureDbContext>(), cancellationToken);
                    }

                    return exit;
                }
            }
            catch (UseCaseException ex)
            {
                foreach (var (line, index) in UseCaseLines(ex).Select((l, i) => (l, i)))
                {
                    await error.WriteLineAsync(index == 0 ? $"error: {line}" : $"  {line}");
                }

                return ExitCodes.For(ex.Error);
            }
            catch (DomainRuleException ex)
            {
                await error.WriteLineAsync(ex.Field is null ? $"error: {ex.Message}" : $"error: {ex.Field}: {ex.Message}");
                return ExitCodes.RuleViolated;
            }
            catch (WorkflowDefinitionException ex)
            {
                await error.WriteLineAsync("error: a workflow definition is invalid:");
                foreach (var problem in ex.Errors)
                {
                    await error.WriteLineAsync($"  {problem}");
                }

                return ExitCodes.Invalid;
            }
            catch (LogIntegrityException ex)
            {
                await error.WriteLineAsync($"LOG BROKEN: {ex.Message}");
                return ExitCodes.Failed;
            }
            catch (Persistence.Upgrades.DatabaseUpgradeRefusedException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.RuleViolated;
            }
            catch (FormatException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Invalid;
            }
            catch (IOException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.Invalid;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unexpected: say what failed without dumping internals; JUSTCULTURE_DEBUG=1 shows the stack.
                await error.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {ex.Message}");
                if (Environment.GetEnvironmentVariable("JUSTCULTURE_DEBUG") == "1")
                {
                    await error.WriteLineAsync(ex.ToString());
                }

                return ExitCodes.Failed;
            }
        };

    /// <summary>The log's settings from the options; null (resolved at first use, from the database) when none is given.</summary>
    private static DecisionLogSettings? LogSettings(ParseResult parse, DatabaseLocation database)
    {
        var key = parse.GetValue(CliOptions.SigningKey);
        var checkpoints = parse.GetValue(CliOptions.Checkpoints);
        var witnesses = parse.GetValue(CliOptions.Witnesses) ?? [];
        if (string.IsNullOrWhiteSpace(key) && string.IsNullOrWhiteSpace(checkpoints) && witnesses.Length == 0)
        {
            return null;
        }

        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var witness in witnesses)
        {
            var equals = witness.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == witness.Length - 1)
            {
                throw new FormatException($"--witness '{witness}' is not NAME=public-key.pem.");
            }

            named[witness[..equals].Trim()] = witness[(equals + 1)..].Trim();
        }

        return DecisionLogSettings.Resolve(database, key, checkpoints, witnesses: named);
    }

    /// <summary>
    /// The lines a refusal prints: the headline first, then one line per further problem. Each keyed problem
    /// names its input (the command's field, e.g. "Rationale: …") unless its message already starts with a
    /// location of its own (an import row names its file, line and column).
    /// </summary>
    private static IEnumerable<string> UseCaseLines(UseCaseException refusal) => refusal.FieldProblems.Count > 0
        ? refusal.FieldProblems.Select(p => NamesItsInput(p) ? p.Message : $"{p.Field}: {p.Message}")
        : refusal.Details.Prepend(refusal.Message);

    private static bool NamesItsInput(FieldProblem problem) =>
        problem.Field == "Csv" || problem.Message.StartsWith(problem.Field, StringComparison.OrdinalIgnoreCase)
        || problem.Message.Contains(".csv", StringComparison.OrdinalIgnoreCase);
}
