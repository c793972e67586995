using LunaFpr.Candidates;
using LunaFpr.Cli.Commands;
using LunaFpr.Cli.Training;
using LunaFpr.Evaluation;
using LunaFpr.Learning.Inference;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LunaFpr.Cli.CrossValidation;

/// <summary>
/// Runs LUNA16 folds one after another (SPEC §4–5): fresh weights, training with validation on the next subset,
/// prediction of the test subset with the checkpoint of lowest validation loss, and evaluation of the fold against
/// its own scans. A finished fold is skipped; a half-trained one resumes from its last checkpoint.
/// </summary>
/// <remarks>
/// With <see cref="TestTimeAugmentation"/> each test cube is scored in eight views (the four rotations about z,
/// each also mirrored in x) and the probabilities averaged, as <c>lunafpr predict --tta</c> does.
/// </remarks>
internal sealed class CrossValidationRun(
    IAnsiConsole console,
    PatchStore store,
    CvLayout layout,
    TrainingConfig config,
    ILogger logger)
{
    private readonly IReadOnlyList<Annotation> nodules = AnnotationCsv.Read(store.AnnotationsPath);
    private readonly IReadOnlyList<Annotation> excluded = store.ExcludedAnnotationsPath is { } path
        ? AnnotationCsv.Read(path)
        : [];

    public IAnsiConsole Console => console;

    /// <summary>Average eight views of every test cube (rotations about z, mirrored or not) when predicting.</summary>
    public bool TestTimeAugmentation { get; init; }

    /// <summary>Runs (or skips, or resumes) <paramref name="fold"/> and returns its record.</summary>
    public FoldRecord RunFold(int fold, CancellationToken cancel)
    {
        if (File.Exists(layout.FoldDone(fold)))
        {
            var done = FoldRecord.Read(layout.FoldDone(fold));
            console.MarkupLineInterpolated($"fold {fold}: finished earlier; skipped");
            return done;
        }

        RequireSubsets(fold);
        Directory.CreateDirectory(layout.Training(fold));
        var outcome = Train(fold, cancel);

        var best = outcome.BestCheckpoint ?? throw new InvalidOperationException(
            $"Fold {fold} trained no epoch; nothing to predict with.");
        var settings = new PredictSettings(best, TestTimeAugmentation, BatchSize: 64,
            Threads: config.Training.Threads);
        var entries = CandidatePrediction.TestEntries(store, fold);
        var rows = PredictCommand.Score(console, store, entries, settings, $"fold {fold}");
        SubmissionCsv.Write(layout.Predictions(fold), rows);

        var result = Evaluate(rows, store.SeriesUids(fold), bootstrap: 1000);
        if (result is null)
        {
            logger.LogWarning("Subset {Fold} holds no nodule, so its CPM is undefined; the fold is kept unscored",
                fold);
        }
        else
        {
            EvaluateCommand.WriteOutputs(layout.Evaluation(fold), result, $"fold {fold}");
        }

        var bestEpoch = outcome.History.MinBy(m => m.SelectionLoss)!.Epoch;
        var record = new FoldRecord(fold, Path.GetRelativePath(layout.Root, best), bestEpoch, outcome.History.Count,
            rows.Count, result?.Cpm);
        record.Write(layout.FoldDone(fold));
        console.MarkupLineInterpolated(
            $"fold {fold}: CPM [bold]{result?.Cpm.ToString("0.000") ?? "undefined"}[/], {rows.Count:N0} candidates");
        return record;
    }

    /// <summary>
    /// Evaluates <paramref name="rows"/> against the store's nodules on <paramref name="scans"/>; null when those
    /// scans hold no nodule, where sensitivity (and so the CPM) is undefined.
    /// </summary>
    public FrocResult? Evaluate(IReadOnlyList<ScoredCandidate> rows, IReadOnlyList<string> scans, int bootstrap)
    {
        var listed = scans.ToHashSet(StringComparer.Ordinal);
        return nodules.Any(n => listed.Contains(n.SeriesUid))
            ? FrocEvaluator.Evaluate(rows, nodules, excluded, scans, new FrocOptions { BootstrapCount = bootstrap })
            : null;
    }

    private TrainingOutcome Train(int fold, CancellationToken cancel)
    {
        var validation = (fold + 1) % 10;
        var run = new TrainingRun(store, config, fold, layout.Training(fold))
        {
            Resume = true,
            ValidationCpm = ValidationCpm.For(nodules, excluded, store.SeriesUids(validation), logger),
            Nodules = nodules,
        };
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => new FoldTrainer(logger).Run(run, new TrainingView(console, context, run.OutputDirectory),
                cancel));
    }

    private void RequireSubsets(int fold)
    {
        var validation = (fold + 1) % 10;
        var missing = new[] { fold, validation }.Where(s => !store.Subsets.Contains(s)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException(
                $"Fold {fold} tests on subset {fold} and validates on subset {validation}, but the patch store " +
                $"'{store.Directory}' lacks subset {string.Join(" and ", missing)}; prepare it with " +
                "lunafpr prepare --subsets, or choose other --folds.");
        }
    }
}
