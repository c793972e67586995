using System.Globalization;
using LunaFpr.Learning.Model;
using static System.FormattableString;

namespace LunaFpr.Learning.Training;

/// <summary>
/// What <see cref="FoldTrainer"/> reports while it runs; the command line draws bars and lines from it.
/// </summary>
public abstract record TrainingProgress;

/// <summary>
/// Training is about to begin (or continue at <paramref name="FirstEpoch"/>): the network's size and cost, and the
/// data of the fold.
/// </summary>
public sealed record TrainingStarted(
    FoldSplit Split,
    TrainingConfig Config,
    long Parameters,
    double ForwardFlopsPerSample,
    int FirstEpoch,
    int StepsPerEpoch,
    int PositiveSamples,
    int NegativeSamples,
    int ValidationCubes) : TrainingProgress;

/// <summary>
/// One training step finished: <paramref name="BatchLoss"/> is its batch's mean loss, <paramref name="MeanLoss"/>
/// the epoch's mean so far, <paramref name="Elapsed"/> the epoch's training time so far.
/// </summary>
public sealed record StepCompleted(
    int Epoch,
    int Step,
    int Steps,
    long SamplesSeen,
    double BatchLoss,
    double MeanLoss,
    TimeSpan Elapsed) : TrainingProgress;

/// <summary>
/// Validation of <paramref name="Epoch"/> has scored <paramref name="Done"/> of <paramref name="Total"/> cubes.
/// </summary>
public sealed record ValidationProgress(int Epoch, int Done, int Total) : TrainingProgress;

/// <summary>
/// An epoch is trained, validated and saved. <paramref name="History"/> holds every epoch of the run so far
/// (including those before a resume); <paramref name="Checkpoint"/> is this epoch's weights file.
/// </summary>
public sealed record EpochCompleted(
    EpochMetrics Metrics,
    int Epochs,
    IReadOnlyList<EpochMetrics> History,
    string Checkpoint,
    bool IsBest) : TrainingProgress;

/// <summary>Helpers shared by progress consumers.</summary>
public static class TrainingProgressFormat
{
    /// <summary>
    /// The fixed-format epoch line: epoch, seen/total cubes, loss, validation loss, elapsed, samples/s, then
    /// validation accuracy, AUC and CPM ("-" when absent).
    /// </summary>
    public static string EpochLine(EpochMetrics m, int epochs, long plannedSamples)
    {
        var v = m.Validation;
        var elapsed = m.Elapsed + (v?.Elapsed ?? TimeSpan.Zero);
        return Invariant($"epoch {m.Epoch,3}/{epochs,-3} seen {m.SamplesSeen,9}/{plannedSamples,-9} ")
            + Invariant($"loss {m.TrainLoss,7:0.0000} val {Opt(v?.Loss, "0.0000"),7} ")
            + Invariant($"elapsed {elapsed:hh\\:mm\\:ss} {m.SamplesPerSecond,8:0.0} samples/s ")
            + Invariant($"acc {Opt(v?.Accuracy, "0.000"),5} auc {Opt(v?.RocAuc, "0.000"),5} ")
            + Invariant($"cpm {Opt(v?.Cpm, "0.000"),5}");
    }

    /// <summary>"12.3M parameters, 8.69 GFLOP per cube forward (≈ 26.1 training)".</summary>
    public static string CostLine(ModelSettings settings, long parameters, double forwardFlops) =>
        Invariant($"model {settings.Preset} ({settings.Filters} filters, dense {settings.DenseD40}/")
        + Invariant($"{settings.DenseD30}/{settings.DenseD20}, {FusionName(settings.Fusion)}, ")
        + Invariant($"channels {settings.Channels}): ")
        + Invariant($"{parameters / 1e6:0.00}M parameters, {forwardFlops / 1e9:0.000} GFLOP per cube forward ")
        + Invariant($"(≈ {forwardFlops * ModelCost.TrainingToForward / 1e9:0.000} training)");

    private static string FusionName(FusionMode fusion) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(fusion.ToString());

    private static string Opt(double? value, string format) =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
