using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LunaFpr.Cli.Console;
using LunaFpr.Cli.CrossValidation;
using LunaFpr.Cli.Training;
using LunaFpr.Evaluation;
using LunaFpr.Learning.Inference;
using LunaFpr.Learning.Model;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using LunaFpr.Synthetic;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LunaFpr.Cli.Commands;

/// <summary>
/// <c>lunafpr demo [--out DIR]</c>: the whole system on built-in synthetic data, in minutes on a laptop CPU:
/// generate a LUNA16-like set, prepare its patch store, train the small network on fold 0, predict and evaluate
/// that fold, and compare with the centre-voxel baseline. Every stage resumes if the demo is run again.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            HelpName = "DIR",
            Description = "Working folder (reused when run again).",
            DefaultValueFactory = _ => "demo-out",
        };
        var scans = new Option<int>("--scans")
        {
            HelpName = "N", Description = "Synthetic scans to generate.", DefaultValueFactory = _ => DemoPlan.Scans,
        };
        var threads = new Option<int>("--threads")
        {
            HelpName = "N", Description = "Compute threads (0 = one per core).",
        };
        var epochs = new Option<int>("--epochs")
        {
            HelpName = "N", Description = "Training epochs (fewer: a quicker, rougher demo).",
            DefaultValueFactory = _ => DemoPlan.Epochs,
        };
        var steps = new Option<int>("--steps-per-epoch")
        {
            HelpName = "N", Description = "Training steps of 32 cubes per epoch.",
            DefaultValueFactory = _ => DemoPlan.StepsPerEpoch,
        };
        var command = new Command("demo", "Run the whole pipeline on built-in synthetic data and report the CPM.")
        {
            output, scans, threads, epochs, steps,
        };
        command.SetAction((parse, cancel) => CommandRunner.RunAsync((loggers, token) =>
        {
            var request = new DemoRequest(parse.GetValue(output)!, parse.GetValue(scans), parse.GetValue(threads),
                parse.GetValue(epochs), parse.GetValue(steps));
            var outcome = Run(AnsiConsole.Console, request, loggers, token);
            return Task.FromResult(outcome is null ? PrepareCommand.Interrupted : 0);
        }, cancel));
        return command;
    }

    /// <summary>
    /// Runs the four stages in <see cref="DemoRequest.Folder"/>, resuming whatever an earlier run finished, and
    /// prints the comparison table; null when preparation was interrupted.
    /// </summary>
    /// <exception cref="ArgumentException">When the folder holds a run with other training settings.</exception>
    public static DemoOutcome? Run(IAnsiConsole console, DemoRequest request, ILoggerFactory loggers,
        CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        var data = Path.Combine(request.Folder, "luna16");
        var storePath = Path.Combine(request.Folder, "store");
        var layout = new CvLayout(Path.Combine(request.Folder, "cv"));
        // A finished fold is skipped when the demo runs again, so a folder trained with other settings is refused
        // rather than reporting their result as this run's.
        var config = CvConfig.Claim(layout, DemoPlan.Config(request.Threads, request.Epochs, request.StepsPerEpoch));

        console.Write(new Rule("[bold]1/4 synthetic LUNA16-like data[/]").LeftJustified());
        var synthetic = new SyntheticOptions { Scans = request.Scans, Seed = DemoPlan.Seed };
        SynthCommand.Run(console, synthetic, data);

        console.Write(new Rule("[bold]2/4 patch store[/]").LeftJustified());
        var prepareLog = loggers.CreateLogger("prepare");
        if (PrepareCommand.Run(console, DemoPlan.Prepare(data, storePath), prepareLog, token) != 0)
        {
            return null;
        }

        console.Write(new Rule("[bold]3/4 training and prediction, fold 0[/]").LeftJustified());
        using var store = PatchStore.Open(storePath);
        var runner = new CrossValidationRun(console, store, layout, config, loggers.CreateLogger("cv"))
        {
            TestTimeAugmentation = true,
        };
        runner.RunFold(0, token);

        console.Write(new Rule("[bold]4/4 evaluation and report[/]").LeftJustified());
        var merged = CvCommand.MergeAndReport(layout, store, runner, bootstrap: 1000).Merged;
        var baseline = runner.Evaluate(
            CenterVoxelBaseline.Score(store, CandidatePrediction.TestEntries(store, 0)), store.SeriesUids(0), 0)
            ?? throw new InvalidDataException(
                $"The demo's test subset (subset0 of '{data}') holds no nodule; use more --scans.");
        Summarize(console, merged, baseline, layout, clock.Elapsed);
        return new DemoOutcome(merged, baseline, layout);
    }

    private static void Summarize(IAnsiConsole console, FrocResult network, FrocResult baseline, CvLayout layout,
        TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("fold 0, test subset: LUNA16 FROC")
            .AddColumn("FPs per scan")
            .AddColumn(new TableColumn("3D network").RightAligned())
            .AddColumn(new TableColumn("centre-voxel HU").RightAligned());
        for (var i = 0; i < network.OperatingPoints.Count; i++)
        {
            table.AddRow(network.OperatingPoints[i].FalsePositivesPerScan.ToString(CultureInfo.InvariantCulture),
                Number(network.OperatingPoints[i].Sensitivity), Number(baseline.OperatingPoints[i].Sensitivity));
        }

        table.AddRow("[bold]CPM[/]", $"[bold]{Number(network.Cpm)}[/]", Number(baseline.Cpm));
        console.Write(table);
        console.MarkupLineInterpolated($"Finished in {elapsed:mm\\:ss}.");
        console.MarkupLineInterpolated($"FROC plot: {Path.Combine(layout.MergedEvaluation, EvaluateCommand.PlotFile)}");
        console.MarkupLineInterpolated($"Loss plot: {Path.Combine(layout.Training(0), "loss.png")}");
        console.MarkupLineInterpolated($"Report:    {layout.ReportHtml}");
    }

    private static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

/// <summary>Where the demo works, how much data it makes, and how long it trains.</summary>
internal sealed record DemoRequest(string Folder, int Scans, int Threads, int Epochs, int StepsPerEpoch);

/// <summary>The demo's results on the test subset of fold 0: the network's and the centre-voxel baseline's.</summary>
internal sealed record DemoOutcome(FrocResult Network, FrocResult Baseline, CvLayout Layout);

/// <summary>The demo's fixed recipe: data size, seeds and a training budget that fits a few minutes of CPU.</summary>
internal static class DemoPlan
{
    public const int Scans = 120;
    public const int Seed = 7;
    public const int Epochs = 14;
    public const int StepsPerEpoch = 60;

    public static PrepareOptions Prepare(string data, string store) => new(
        data,
        Path.Combine(data, SyntheticDataset.CandidatesFile),
        Path.Combine(data, SyntheticDataset.AnnotationsFile),
        Path.Combine(data, SyntheticDataset.ExcludedFile),
        store)
    {
        Workers = Environment.ProcessorCount,
        Seed = Seed,
        PlaneCap = PlaneCap,
    };

    /// <summary>Resampled positives kept per nodule plane: positives are drawn per nodule, so 16 suffice.</summary>
    public const int PlaneCap = 16;

    /// <summary>
    /// The small network at half its width (8 filters), trained for 840 steps of 32 cubes: Adam at a high rate
    /// that falls fourfold every five and a half epochs, positives drawn per nodule, two replicas of one thread
    /// each, and validation and prediction by the moving average of the weights. In a few CPU minutes SGD at the SPEC's
    /// rate barely moves; per-cube sampling shows the network mostly large nodules, so it misses the small ones;
    /// and the last step's weights score held-out scans less steadily than their average.
    /// </summary>
    public static TrainingConfig Config(int threads, int epochs = Epochs, int stepsPerEpoch = StepsPerEpoch) => new(
        ModelSettings.Small with { Preset = "custom", Filters = 8 },
        new TrainingSettings
        {
            Epochs = epochs, StepsPerEpoch = stepsPerEpoch, BatchSize = 32, Threads = threads, Seed = Seed,
            Optimizer = OptimizerKind.Adam, LearningRate = 0.004, DecayPerEpoch = 0.78,
            PositiveSampling = PositiveSampling.Nodule, Flips = true, Replicas = 2, AverageDecay = 0.99,
        });
}
