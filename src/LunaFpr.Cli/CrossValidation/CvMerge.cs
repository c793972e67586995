using LunaFpr.Cli.Commands;
using LunaFpr.Evaluation;
using LunaFpr.Patches;

namespace LunaFpr.Cli.CrossValidation;

/// <summary>
/// Collects the finished folds' test predictions into one submission and evaluates it against the union of
/// their scans: the 10-fold CPM a user publishes, once all ten folds are in.
/// </summary>
internal static class CvMerge
{
    /// <summary>The merged submission, its evaluation, and each fold evaluated against its own scans.</summary>
    public sealed record Outcome(
        IReadOnlyList<int> Folds,
        IReadOnlyList<ScoredCandidate> Submission,
        FrocResult Merged,
        IReadOnlyDictionary<int, FrocResult> PerFold)
    {
        /// <summary>What the merged evaluation covers, for legends and summaries: "1 fold", "4 folds merged".</summary>
        public string Label => Folds.Count == 1 ? "1 fold" : $"{Folds.Count} folds merged";
    }

    /// <exception cref="InvalidOperationException">When no fold has finished yet.</exception>
    public static Outcome Run(CvLayout layout, PatchStore store, CrossValidationRun evaluator, int bootstrap)
    {
        var folds = layout.FinishedFolds();
        if (folds.Count == 0)
        {
            throw new InvalidDataException(
                $"No fold of '{layout.Root}' has finished (no fold-K/fold.json); run lunafpr cv first.");
        }

        var perFold = new Dictionary<int, FrocResult>();
        var submission = new List<ScoredCandidate>();
        var scans = new List<string>();
        foreach (var fold in folds)
        {
            var rows = SubmissionCsv.Read(layout.Predictions(fold));
            var foldScans = store.SeriesUids(fold);
            if (evaluator.Evaluate(rows, foldScans, bootstrap) is { } result)
            {
                perFold[fold] = result;
            }

            submission.AddRange(rows);
            scans.AddRange(foldScans);
        }

        var merged = evaluator.Evaluate(submission, scans, bootstrap) ?? throw new InvalidDataException(
            $"The scans of folds {string.Join(", ", folds)} hold no nodule of '{store.AnnotationsPath}', so no CPM " +
            "can be computed; finish folds whose subsets hold nodules.");
        Directory.CreateDirectory(layout.Merged);
        SubmissionCsv.Write(layout.MergedSubmission, submission);
        var outcome = new Outcome(folds, submission, merged, perFold);
        EvaluateCommand.WriteOutputs(layout.MergedEvaluation, merged, outcome.Label);
        return outcome;
    }
}
