using System.Globalization;

namespace LunaFpr.Cli.CrossValidation;

/// <summary>
/// Where a cross-validation run keeps its files. Each fold owns one folder, so folds can run at once on several
/// machines over shared storage without touching each other's files; only the merge reads them all.
/// </summary>
/// <remarks>
/// <code>
/// OUT/config.json              training settings shared by every fold
/// OUT/store.txt                the patch store's path
/// OUT/fold-K/train/            lunafpr train's folder: config, history.csv, loss.png, checkpoints
/// OUT/fold-K/predictions.csv   the fold's test subset, scored by the best checkpoint
/// OUT/fold-K/evaluation/       the fold against its own scans
/// OUT/fold-K/fold.json         written last: the fold is finished
/// OUT/merged/                  every finished fold's predictions as one submission, and its evaluation
/// OUT/report.html, report.md   the report (report-files/ holds the Markdown's images)
/// </code>
/// </remarks>
internal sealed record CvLayout(string Root)
{
    public string Config => Path.Combine(Root, "config.json");

    /// <summary>A text file naming the patch store the folds read, so a report can be rebuilt from the folder.
    /// </summary>
    public string StorePointer => Path.Combine(Root, "store.txt");

    public string Fold(int fold) => Path.Combine(Root, "fold-" + fold.ToString(CultureInfo.InvariantCulture));

    public string Training(int fold) => Path.Combine(Fold(fold), "train");

    public string Predictions(int fold) => Path.Combine(Fold(fold), "predictions.csv");

    public string Evaluation(int fold) => Path.Combine(Fold(fold), "evaluation");

    public string FoldDone(int fold) => Path.Combine(Fold(fold), "fold.json");

    public string Merged => Path.Combine(Root, "merged");

    public string MergedSubmission => Path.Combine(Merged, "submission.csv");

    public string MergedEvaluation => Path.Combine(Merged, "evaluation");

    public string ReportHtml => Path.Combine(Root, "report.html");

    public string ReportMarkdown => Path.Combine(Root, "report.md");

    public string ReportFiles => "report-files";

    /// <summary>The folds whose <c>fold.json</c> exists, in order.</summary>
    public IReadOnlyList<int> FinishedFolds() =>
        Enumerable.Range(0, 10).Where(k => File.Exists(FoldDone(k))).ToArray();
}
