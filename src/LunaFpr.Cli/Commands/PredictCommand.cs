using System.CommandLine;
using System.Diagnostics;
using LunaFpr.Candidates;
using LunaFpr.Cli.Console;
using LunaFpr.Evaluation;
using LunaFpr.Imaging;
using LunaFpr.Learning.Inference;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary>
/// <c>lunafpr predict --model CHECKPOINT --out FILE</c> with either <c>--store DIR --fold K</c> (every original
/// candidate of a LUNA16 fold) or <c>--scan SCAN --candidates FILE</c> (a new scan, no store needed): writes
/// the LUNA16 submission format <c>seriesuid,coordX,coordY,coordZ,probability</c>.
/// </summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model")
        {
            HelpName = "CHECKPOINT",
            Description = "Weights written by lunafpr train (best.bin, last.bin, epoch-*.bin); its .json sidecar " +
                "must sit beside it.",
            Required = true,
        };
        var output = new Option<string>("--out")
        {
            HelpName = "FILE", Description = "Submission CSV to write.", Required = true,
        };
        var store = new Option<string?>("--store")
        {
            HelpName = "DIR", Description = "Patch store of lunafpr prepare.",
        };
        var fold = new Option<int?>("--fold") { HelpName = "K", Description = "With --store: score subset K." };
        var scan = new Option<string?>("--scan")
        {
            HelpName = "SCAN", Description = "A .mhd/.mha file or a DICOM folder.",
        };
        var candidates = new Option<string?>("--candidates")
        {
            HelpName = "FILE",
            Description = "With --scan: candidate list (candidates.csv format); the rows of the scan's series " +
                "are scored.",
        };
        var tta = new Option<bool>("--tta")
        {
            Description =
                "Average the probabilities of eight views: the four rotations about z, each also mirrored in x.",
        };
        var batch = new Option<int>("--batch")
        {
            HelpName = "N", Description = "Cubes per forward pass.", DefaultValueFactory = _ => 64,
        };
        var threads = new Option<int>("--threads")
        {
            HelpName = "N", Description = "Compute threads (0 = one per core).",
        };

        var command = new Command("predict", "Score candidates with a trained network; write a LUNA16 submission.")
        {
            model, output, store, fold, scan, candidates, tta, batch, threads,
        };
        command.SetAction(parse => CommandRunner.Run(loggers =>
        {
            var settings = new PredictSettings(parse.GetValue(model)!, parse.GetValue(tta), parse.GetValue(batch),
                parse.GetValue(threads));
            var outPath = parse.GetValue(output)!;
            var logger = loggers.CreateLogger("predict");
            var (storePath, foldValue) = (parse.GetValue(store), parse.GetValue(fold));
            var (scanPath, candidatePath) = (parse.GetValue(scan), parse.GetValue(candidates));
            IReadOnlyList<ScoredCandidate> rows = (storePath, scanPath) switch
            {
                ({ } s, null) => PredictFold(s, foldValue ?? throw new ArgumentException(
                    "--store needs --fold K, the subset to score."), settings),
                (null, { } sc) => PredictScan(sc, candidatePath ?? throw new ArgumentException(
                    "--scan needs --candidates FILE, the candidate points to score."), settings, logger),
                _ => throw new ArgumentException(
                    "Give either --store DIR --fold K, or --scan SCAN --candidates FILE (not both)."),
            };

            SubmissionCsv.Write(outPath, rows);
            AnsiConsole.MarkupLineInterpolated($"Wrote {rows.Count:N0} scored candidates to {outPath}");
            return 0;
        }));
        return command;
    }

    /// <summary>Scores every original candidate of subset <paramref name="fold"/> of the store.</summary>
    public static IReadOnlyList<ScoredCandidate> PredictFold(string storePath, int fold, PredictSettings settings)
    {
        using var store = PatchStore.Open(storePath);
        if (!store.Subsets.Contains(fold))
        {
            throw new ArgumentException(
                $"Patch store '{storePath}' holds subsets {string.Join(", ", store.Subsets)}, not {fold}; " +
                "prepare that subset or pick another fold.");
        }

        var entries = CandidatePrediction.TestEntries(store, fold);
        return Score(AnsiConsole.Console, store, entries, settings, $"fold {fold}");
    }

    /// <summary>Scores the candidates of one scan, cutting cubes straight from it.</summary>
    public static IReadOnlyList<ScoredCandidate> PredictScan(
        string scanPath,
        string candidatePath,
        PredictSettings settings,
        ILogger logger)
    {
        var scan = ScanFiles.Read(scanPath, logger);
        var all = CandidateCsv.Read(candidatePath);
        var mine = all.Where(c => c.SeriesUid == scan.SeriesUid).ToArray();
        if (mine.Length == 0)
        {
            var series = all.Select(c => c.SeriesUid).Distinct().Count();
            throw new InvalidDataException(
                $"{candidatePath}: none of its {all.Count} rows (in {series} series) belongs to scan " +
                $"{scan.SeriesUid} ({scanPath}); give the candidate list of this scan.");
        }

        var source = new ScanPatchSource(scan, mine);
        foreach (var outside in source.EntriesOutsideScan())
        {
            logger.LogWarning("Candidate at {World} mm lies outside scan {Series}; its cube is all air",
                source.Entries[outside].CenterWorldMm, scan.SeriesUid);
        }

        return Score(AnsiConsole.Console, source, Enumerable.Range(0, mine.Length).ToArray(), settings, scan.SeriesUid);
    }

    public static IReadOnlyList<ScoredCandidate> Score(
        IAnsiConsole console,
        IPatchSource source,
        IReadOnlyList<int> entries,
        PredictSettings settings,
        string what)
    {
        var device = TorchRuntime.Prepare(ComputeDevice.Cpu, settings.Threads);
        using var model = ModelCheckpoint.Load(settings.ModelPath, device);
        var scorer = new NoduleScorer(model.Network, model.Device, settings.BatchSize, settings.TestTimeAugmentation);
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask($"scoring {what}", maxValue: Math.Max(1, entries.Count));
                var clock = Stopwatch.StartNew();
                var progress = new Progress<int>(done =>
                {
                    task.Value = done;
                    var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
                    task.Description = $"scoring {what}: {done:N0}/{entries.Count:N0} ({rate:N0} cubes/s)";
                });
                return CandidatePrediction.Predict(scorer, source, entries, progress);
            });
    }
}

/// <summary>How to score: the checkpoint, test-time augmentation, batch size and thread count.</summary>
internal sealed record PredictSettings(string ModelPath, bool TestTimeAugmentation, int BatchSize, int Threads);
