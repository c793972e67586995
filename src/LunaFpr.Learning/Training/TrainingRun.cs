using LunaFpr.Candidates;
using LunaFpr.Evaluation;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Training;

/// <summary>What to train: the cubes, the settings, the fold and where its files go.</summary>
/// <param name="Source">The prepared cubes of all subsets (e.g. the patch store).</param>
/// <param name="Config">Model and optimisation settings.</param>
/// <param name="Fold">LUNA16 fold 0 … 9 (SPEC §4).</param>
/// <param name="OutputDirectory">Receives config.json, history.csv and the checkpoints.</param>
public sealed record TrainingRun(IPatchSource Source, TrainingConfig Config, int Fold, string OutputDirectory)
{
    /// <summary>
    /// Continue from the output folder's last checkpoint, at the decayed rate and with the history intact; with no
    /// checkpoint there, start afresh. When false, a folder that holds a run is an error.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>
    /// Computes the LUNA16 CPM of the scored validation candidates (original positives and negatives of the
    /// validation subset); null, or returning null, when no annotations are available.
    /// </summary>
    public Func<IReadOnlyList<ScoredCandidate>, double?>? ValidationCpm { get; init; }

    /// <summary>
    /// The annotated nodules (annotations.csv), which group resampled positives by nodule when
    /// <see cref="TrainingSettings.PositiveSampling"/> is <see cref="PositiveSampling.Nodule"/>; unused otherwise.
    /// </summary>
    public IReadOnlyList<Annotation>? Nodules { get; init; }
}

/// <summary>The result of <see cref="FoldTrainer.Run"/>.</summary>
/// <param name="History">Every epoch of the run, including epochs trained before a resume.</param>
/// <param name="BestCheckpoint">best.bin, or null when no epoch has finished.</param>
/// <param name="LastCheckpoint">last.bin, or null when no epoch has finished.</param>
/// <param name="EpochsTrained">Epochs trained by this call; 0 when the folder already held a finished run.</param>
public sealed record TrainingOutcome(
    IReadOnlyList<EpochMetrics> History,
    string? BestCheckpoint,
    string? LastCheckpoint,
    int EpochsTrained);
