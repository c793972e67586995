using System.CommandLine;
using LunaFpr.Cli.Console;
using LunaFpr.Cli.CrossValidation;
using LunaFpr.Cli.Training;
using LunaFpr.IO;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary>
/// <c>lunafpr cv --store DIR --out DIR [--config FILE] [--folds 0-9] [--merge]</c>: LUNA16 ten-fold
/// cross-validation, resumable and divisible over machines; ends with the merged evaluation and the report.
/// </summary>
internal static class CvCommand
{
    public static Command Create()
    {
        var o = new TrainOptions();
        var folds = new Option<string>("--folds")
        {
            HelpName = "LIST",
            Description = "Folds to run: 0-9 (default), 3, or 0,2,5-7.",
            DefaultValueFactory = _ => "0-9",
        };
        var merge = new Option<bool>("--merge")
        {
            Description = "Run no fold: merge the finished folds, evaluate, and write the report.",
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            HelpName = "N", Description = "Bootstrap resamples for the bands.", DefaultValueFactory = _ => 1000,
        };
        var tta = new Option<bool>("--tta")
        {
            Description =
                "Predict each test cube in eight views (four rotations about z, each also mirrored in x) and average.",
        };
        var command = new Command("cv", "Ten-fold cross-validation: train, predict and evaluate each fold, then merge.")
        {
            folds, merge, bootstrap, tta,
        };
        foreach (var option in new Option[] { o.Store, o.Out, o.Config }.Concat(Overrides(o)))
        {
            command.Options.Add(option);
        }

        o.Store.Required = true;
        o.Out.Required = true;
        command.SetAction((parse, cancel) => CommandRunner.RunAsync((loggers, token) =>
        {
            var request = o.Read(parse);
            var layout = new CvLayout(request.OutputPath!);
            var logger = loggers.CreateLogger("cv");
            using var store = PatchStore.Open(request.StorePath!);
            Directory.CreateDirectory(layout.Root);
            AtomicFile.WriteText(layout.StorePointer, w => w.Write(Path.GetFullPath(store.Directory)));
            if (parse.GetValue(merge))
            {
                var merger = Runner(layout, store, CvConfig.Load(layout), logger);
                MergeAndReport(layout, store, merger, parse.GetValue(bootstrap));
                return Task.FromResult(0);
            }

            var config = CvConfig.Resolve(layout, request);
            var runner = Runner(layout, store, config, logger, parse.GetValue(tta));
            var selected = FoldList.Parse(parse.GetValue(folds)!);
            try
            {
                foreach (var fold in selected)
                {
                    runner.RunFold(fold, token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                AnsiConsole.MarkupLine("[yellow]Interrupted.[/] Run the same command again to resume.");
                return Task.FromResult(TrainCommand.Interrupted);
            }

            if (selected.Count > 1 || layout.FinishedFolds().Count == 10)
            {
                MergeAndReport(layout, store, runner, parse.GetValue(bootstrap));
            }

            return Task.FromResult(0);
        }, cancel));
        return command;
    }

    /// <summary>Merges the finished folds, evaluates them together, and writes report.html and report.md.</summary>
    public static CvMerge.Outcome MergeAndReport(
        CvLayout layout,
        PatchStore store,
        CrossValidationRun runner,
        int bootstrap)
    {
        var outcome = CvMerge.Run(layout, store, runner, bootstrap);
        CvReport.Write(layout, store, outcome);
        var console = runner.Console;
        var band = outcome.Merged.CpmBand is { } b ? $" (95% band {b.Lower:0.000}–{b.Upper:0.000})" : "";
        console.MarkupLineInterpolated(
            $"[bold]CPM of {outcome.Label}: {outcome.Merged.Cpm:0.000}[/]{band}");
        console.MarkupLineInterpolated($"Report: {layout.ReportHtml} and {layout.ReportMarkdown}");
        return outcome;
    }

    private static CrossValidationRun Runner(
        CvLayout layout,
        PatchStore store,
        TrainingConfig config,
        ILogger logger,
        bool testTimeAugmentation = false) =>
        new(AnsiConsole.Console, store, layout, config, logger) { TestTimeAugmentation = testTimeAugmentation };

    private static IEnumerable<Option> Overrides(TrainOptions o) =>
    [
        o.Preset, o.Epochs, o.Steps, o.Batch, o.Seed, o.Threads, o.Device, o.Fusion, o.Channels, o.LearningRate,
        o.Decay, o.Flips, o.Optimizer, o.PositiveSampling, o.Replicas, o.AverageDecay,
    ];
}
