using System.CommandLine;
using System.Globalization;
using LunaFpr.Candidates;
using LunaFpr.Cli.Console;
using LunaFpr.Cli.Plots;
using LunaFpr.Evaluation;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary>
/// <c>lunafpr evaluate --submission FILE --annotations FILE --excluded FILE --seriesuids FILE --out DIR</c>:
/// the LUNA16 FROC/CPM of a submission, with bootstrap band, written as summary, tables and a plot.
/// </summary>
internal static class EvaluateCommand
{
    public const string SummaryFile = "summary.txt";
    public const string CurveFile = "froc.csv";
    public const string BandFile = "froc_band.csv";
    public const string OperatingPointsFile = "operating_points.csv";
    public const string MissedFile = "missed_nodules.csv";
    public const string PlotFile = "froc.png";

    public static Command Create()
    {
        var submission = FileOption("--submission", "Submission CSV: seriesuid,coordX,coordY,coordZ,probability " +
            "(world mm).", required: true);
        var annotations = FileOption("--annotations", "LUNA16 annotations.csv (the nodules).", required: true);
        var excluded = FileOption("--excluded", "LUNA16 annotations_excluded.csv (findings neither hit nor false " +
            "positive).", required: true);
        var seriesUids = FileOption("--seriesuids", "Scan list, one series UID a line (seriesuids.csv). With --fold, " +
            "narrowed to that fold.", required: false);
        var output = new Option<string>("--out")
        {
            HelpName = "DIR", Description = "Folder for the result files.", Required = true,
        };
        var bootstrap = IntOption("--bootstrap", "N", "Bootstrap resamples of the scan list for the 95% band " +
            "(0 skips it).", 1000);
        var seed = IntOption("--seed", "S", "Seed of the bootstrap; the same seed gives the same band.", 1);
        var fold = new Option<int?>("--fold")
        {
            HelpName = "K", Description = "Evaluate only the scans of LUNA16 subset K.",
        };
        var luna16 = new Option<string?>("--luna16")
        {
            HelpName = "DIR", Description = "LUNA16 folder holding subset0 … subset9.",
        };
        var cap = IntOption("--max-per-scan", "N", "Candidates kept per scan, highest probability first " +
            "(0 keeps all).", 100);

        var command = new Command("evaluate", "Score a submission with the LUNA16 FROC protocol (CPM, band, plot).")
        {
            submission, annotations, excluded, seriesUids, output, bootstrap, seed, fold, luna16, cap,
        };
        command.SetAction(parse => CommandRunner.Run(_ =>
        {
            var scans = ScanList(parse.GetValue(seriesUids), parse.GetValue(fold), parse.GetValue(luna16));
            var options = new FrocOptions
            {
                BootstrapCount = parse.GetValue(bootstrap),
                Seed = parse.GetValue(seed),
                MaxCandidatesPerScan = parse.GetValue(cap),
            };
            var submissionPath = parse.GetValue(submission)!;
            var result = FrocEvaluator.Evaluate(
                SubmissionCsv.Read(submissionPath),
                AnnotationCsv.Read(parse.GetValue(annotations)!),
                AnnotationCsv.Read(parse.GetValue(excluded)!),
                scans,
                options);

            var folder = parse.GetValue(output)!;
            WriteOutputs(folder, result, Path.GetFileNameWithoutExtension(submissionPath));
            Show(result, folder);
            return 0;
        }));
        return command;
    }

    /// <summary>Writes every result file into <paramref name="folder"/>, each atomically.</summary>
    public static void WriteOutputs(string folder, FrocResult result, string name)
    {
        Directory.CreateDirectory(folder);
        FrocReport.Write(Path.Combine(folder, SummaryFile), result);
        FrocCsv.WriteCurve(Path.Combine(folder, CurveFile), result);
        FrocCsv.WriteBand(Path.Combine(folder, BandFile), result);
        FrocCsv.WriteOperatingPoints(Path.Combine(folder, OperatingPointsFile), result);
        FrocCsv.WriteMissedNodules(Path.Combine(folder, MissedFile), result);
        FrocPlot.Save(Path.Combine(folder, PlotFile), result, name);
    }

    /// <summary>
    /// The scans to score: the list file; or with a fold, the fold's scans, in the list's order when a list is given
    /// (then every scan of the fold must be in it).
    /// </summary>
    private static IReadOnlyList<string> ScanList(string? listPath, int? fold, string? luna16)
    {
        if (fold is null)
        {
            if (luna16 is not null)
            {
                throw new ArgumentException("--luna16 is used only with --fold K; add --fold or drop --luna16.");
            }

            return SeriesUidList.Read(listPath ?? throw new ArgumentException(
                "Give the scan list with --seriesuids FILE, or a fold with --fold K --luna16 DIR."));
        }

        var foldScans = FoldScans.Read(luna16 ?? throw new ArgumentException(
            "--fold K needs --luna16 DIR, the folder holding subset0 … subset9."), fold.Value);
        if (listPath is null)
        {
            return foldScans;
        }

        var list = SeriesUidList.Read(listPath);
        var inFold = foldScans.ToHashSet(StringComparer.Ordinal);
        var missing = foldScans.Except(list, StringComparer.Ordinal).FirstOrDefault();
        if (missing is not null)
        {
            throw new InvalidDataException(
                $"{listPath}: scan {missing} of subset{fold} is not in the list; use the list that covers the fold.");
        }

        return list.Where(inFold.Contains).ToArray();
    }

    private static void Show(FrocResult result, string folder)
    {
        var c = result.Counts;
        var table = new Table().Border(TableBorder.Rounded).Title("LUNA16 FROC evaluation");
        table.AddColumn("");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn(new TableColumn("95% band").RightAligned());
        table.AddRow("scans", Int(c.Scans), "");
        table.AddRow("nodules", Int(c.Nodules), "");
        table.AddRow("hits", Int(c.Hits), "");
        table.AddRow("misses (no candidate)", Int(c.Misses), "");
        table.AddRow("false positives", Int(c.FalsePositives), "");
        table.AddRow("ignored (excluded findings)", Int(c.Ignored), "");
        table.AddRow("sensitivity", Number(c.Sensitivity), "");
        table.AddRow("candidates per scan", Number(c.CandidatesPerScan), "");
        foreach (var point in result.OperatingPoints)
        {
            var rate = point.FalsePositivesPerScan.ToString(CultureInfo.InvariantCulture);
            table.AddRow($"sensitivity at {rate} FPs/scan",
                Number(point.Sensitivity), Band(point.Band));
        }

        table.AddRow("[bold]CPM[/]", $"[bold]{Number(result.Cpm)}[/]", Band(result.CpmBand));
        AnsiConsole.Write(table);
        foreach (var warning in result.Warnings)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        var files = string.Join(", ", SummaryFile, CurveFile, BandFile, OperatingPointsFile, MissedFile, PlotFile);
        AnsiConsole.MarkupLineInterpolated($"Wrote {files} to {folder}");
    }

    private static Option<string?> FileOption(string name, string description, bool required) => new(name)
    {
        HelpName = "FILE", Description = description, Required = required,
    };

    private static Option<int> IntOption(string name, string helpName, string description, int fallback) => new(name)
    {
        HelpName = helpName, Description = description, DefaultValueFactory = _ => fallback,
    };

    private static string Int(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Band(ConfidenceBand? band) =>
        band is null ? "" : $"{Number(band.Lower)} – {Number(band.Upper)}";
}
