using System.CommandLine;
using JustCulture.Application.Clocks;
using JustCulture.Application.Common;
using JustCulture.Application.History;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;

namespace JustCulture.Cli.Commands;

internal static class ReportCommands
{
    public static Command Build() => new("report", "WRES indicator 3, the disparity funnel and time in each stage, recomputed from the decision log") { BuildIndicator3(), BuildFunnel(), BuildStageTimes(), BuildOrganisations() };

    private static Option<string> Year() => new("--year") { Description = "Reporting year, YYYY-YY (1 April – 31 March, UK time)", Required = true };

    private static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "text, json or csv", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        return format;
    }

    private static Option<bool> Publication() => new("--publication")
    {
        Description = "Prepare for publication: counts below the threshold shown as \"<5\", figures that would reveal them withheld",
    };

    private static Option<int> SuppressBelow() => new("--suppress-below")
    {
        Description = "With --publication: counts from 1 to this minus one are suppressed (default 5)",
        DefaultValueFactory = _ => SmallCellSuppression.DefaultThreshold,
    };

    private static SmallCellSuppression? Suppression(CliContext cli, Option<bool> publication, Option<int> suppressBelow)
    {
        var threshold = cli.Value(suppressBelow);
        if (threshold < 1)
        {
            throw UseCaseException.Invalid($"--suppress-below must be 1 or more (was {threshold}); 1 suppresses nothing.");
        }

        return cli.Value(publication) ? new SmallCellSuppression(threshold) : null;
    }

    private static Command BuildIndicator3()
    {
        var year = Year();
        var basis = new Option<string>("--basis") { Description = "single (the year) or rolling (the year and the previous one)", DefaultValueFactory = _ => "single" };
        basis.AcceptOnlyFromAmong("single", "rolling");
        var format = Format();
        var publication = Publication();
        var suppressBelow = SuppressBelow();
        var fromExport = new Option<FileInfo?>("--from-export") { Description = "Recompute offline from a decision-log export (JSON lines) instead of the database" };
        var staff = new Option<FileInfo[]>("--staff")
        {
            Description = "With --from-export: the staff file imported for --year; for --basis rolling give it again with the previous year's file second",
            AllowMultipleArgumentsPerToken = false,
        };
        var history = new Option<FileInfo?>("--history") { Description = "With --from-export: the history file imported with history import, if any" };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = "With --from-export: the log's public key (PEM) its checkpoint must be signed with (default: this installation's)" };
        var kept = new Option<DirectoryInfo?>("--kept-checkpoints") { Description = "With --from-export: a folder of checkpoints you kept; the export may not be behind or diverge from any" };
        var command = new Command("indicator3", "Relative likelihood of BME compared with white staff entering a formal investigation, with its 95% interval")
        {
            year, basis, format, publication, suppressBelow, fromExport, staff, history, publicKey, kept,
        };
        command.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var suppression = Suppression(cli, publication, suppressBelow);
            var staffFiles = cli.Parse.GetValue(staff) ?? [];
            Indicator3Report report;
            if (cli.Value(fromExport) is { } export)
            {
                var offline = await OfflineAsync(cli, export, staffFiles, cli.Value(history), cli.Value(year), cli.Value(basis), cli.Value(publicKey), cli.Value(kept), ct);
                if (offline is null)
                {
                    return ExitCodes.Failed;
                }

                report = offline;
            }
            else
            {
                if (staffFiles.Length > 0 || cli.Value(history) is not null || cli.Value(publicKey) is not null || cli.Value(kept) is not null)
                {
                    throw UseCaseException.Invalid("--staff, --history, --public-key and --kept-checkpoints are only for offline recomputation with --from-export.");
                }

                report = await cli.Get<Indicator3ReportHandler>().HandleAsync(new Indicator3Query(cli.Value(year), cli.Value(basis)), ct);
            }

            var shown = ReportPublication.Indicator3(report, suppression);
            var text = cli.Value(format) switch
            {
                "json" => ReportOutput.Indicator3Json(shown),
                "csv" => ReportOutput.Indicator3Csv(shown),
                _ => ReportOutput.Indicator3Text(shown),
            };
            await cli.Out.WriteAsync(text);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Null when the export fails verification (already reported on standard error).</summary>
    private static async Task<Indicator3Report?> OfflineAsync(CliContext cli, FileInfo export, FileInfo[] staffFiles, FileInfo? historyFile, string year, string basis,
        FileInfo? publicKey, DirectoryInfo? kept, CancellationToken ct)
    {
        if (staffFiles.Length == 0)
        {
            throw UseCaseException.Invalid("--from-export needs the staff file the headcount came from: --staff <file.csv>.");
        }

        var rolling = string.Equals(basis, "rolling", StringComparison.Ordinal);
        if (rolling != (staffFiles.Length == 2) || staffFiles.Length > 2)
        {
            throw UseCaseException.Invalid(rolling
                ? "--basis rolling needs two --staff files: the year's, then the previous year's."
                : "--basis single takes exactly one --staff file, the year's; give two only with --basis rolling.");
        }

        var reportingYear = ReportingYearInput.Parse(year);
        foreach (var file in staffFiles.Append(export).Concat(historyFile is null ? [] : [historyFile]))
        {
            if (!file.Exists)
            {
                throw new FileNotFoundException($"{file.FullName}: file not found");
            }
        }

        var verifier = LogKeysForCli.Verifier(cli, publicKey);
        var keptCheckpoints = kept is null ? null : LogKeysForCli.Kept(kept);
        // A kept checkpoint is only worth comparing with when the log's key signed it, as the independent verifier requires.
        if (keptCheckpoints?.Select(c => verifier.Verify(c.NoteText, c.FilePath)).FirstOrDefault(v => !v.IsAccepted) is { } unsigned)
        {
            await cli.Error.WriteLineAsync($"KEPT CHECKPOINT NOT VERIFIED: {unsigned.Problem}. Nothing was computed.");
            return null;
        }

        using var exportReader = export.OpenText();
        var readers = staffFiles.Select(f => f.OpenText()).ToList();
        using var historyReader = historyFile?.OpenText();
        try
        {
            var years = new[] { reportingYear, reportingYear.Previous };
            var staff = staffFiles.Select((f, i) => (years[i].ToString(), (TextReader)readers[i], f.Name)).ToList();
            var result = await cli.Get<OfflineIndicator3Handler>().HandleAsync(
                new OfflineIndicator3Query(exportReader, export.Name, staff, year, verifier, keptCheckpoints, basis, historyReader is null ? null : (historyReader, historyFile!.Name)), ct);
            await cli.Error.WriteLineAsync($"{export.Name}: verified against its {result.Checkpoint.Describe()}"
                + (keptCheckpoints is null ? "." : $"; consistent with the {keptCheckpoints.Count} checkpoint(s) you kept."));
            return result.Report;
        }
        catch (LogTamperedException ex)
        {
            await cli.Error.WriteLineAsync($"EXPORT TAMPERED: {ex.Message}");
            return null;
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    private static Command BuildOrganisations()
    {
        var year = Year();
        var highlight = new Option<string?>("--highlight") { Description = "The imported organisation that is this trust (otherwise this trust's own figure is added)" };
        var format = Format();
        var command = new Command("organisations", "Every imported organisation's indicator 3 against its precision: the funnel plot's points, limits and positions") { year, highlight, format };
        command.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var document = OrganisationFunnelDocument.Of(await cli.Get<OrganisationFunnelHandler>().HandleAsync(
                new OrganisationFunnelQuery(cli.Value(year), string.IsNullOrWhiteSpace(cli.Value(highlight)) ? null : cli.Value(highlight)), ct));
            await cli.Out.WriteAsync(cli.Value(format) switch
            {
                "json" => ReportOutput.OrganisationsJson(document),
                "csv" => document.ToCsv(),
                _ => ReportOutput.OrganisationsText(document),
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command BuildStageTimes()
    {
        var year = Year();
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("stage-times", "Median and 90th percentile working days in each stage by WRES group, against each stage's target") { year, format };
        command.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var document = StageTimesDocument.Of(await cli.Get<StageTimesReportHandler>().HandleAsync(cli.Value(year), ct));
            await cli.Out.WriteAsync(cli.Value(format) == "json" ? ReportOutput.StageTimesJson(document) : ReportOutput.StageTimesText(document));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command BuildFunnel()
    {
        var year = Year();
        var format = Format();
        var publication = Publication();
        var suppressBelow = SuppressBelow();
        var command = new Command("funnel", "Relative likelihood at each stage (raised, outcome G or A, reviewed, formal) and breakdowns by band, staff group, service and directorate")
        {
            year, format, publication, suppressBelow,
        };
        command.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var suppression = Suppression(cli, publication, suppressBelow);
            var report = await cli.Get<FunnelReportHandler>().HandleAsync(new FunnelQuery(cli.Value(year)), ct);
            var shown = ReportPublication.Funnel(report, suppression);
            var text = cli.Value(format) switch
            {
                "json" => ReportOutput.FunnelJson(shown),
                "csv" => ReportOutput.FunnelCsv(shown),
                _ => ReportOutput.FunnelText(shown),
            };
            await cli.Out.WriteAsync(text);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
