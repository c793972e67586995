using System.Text.Json.Serialization;

namespace LunaFpr.Learning.Training;

/// <summary>
/// What one epoch of training measured. Losses are mean cross-entropy per cube (natural log) of the fused output.
/// </summary>
/// <param name="Epoch">Epoch number, from 1.</param>
/// <param name="LearningRate">The SGD rate the epoch trained at.</param>
/// <param name="TrainLoss">Mean training loss over the epoch's steps (with dropout and augmentation).</param>
/// <param name="SamplesSeen">Cubes trained on in this epoch.</param>
/// <param name="Elapsed">Wall time of the training steps (validation excluded).</param>
/// <param name="DataWaitFraction">Share of <paramref name="Elapsed"/> spent waiting for the batch loader.</param>
/// <param name="Validation">Validation results; null when the validation subset holds no cubes.</param>
public sealed record EpochMetrics(
    int Epoch,
    double LearningRate,
    double TrainLoss,
    long SamplesSeen,
    TimeSpan Elapsed,
    double DataWaitFraction,
    ValidationMetrics? Validation)
{
    /// <summary>Training throughput, cubes per second.</summary>
    [JsonIgnore]
    public double SamplesPerSecond => Elapsed > TimeSpan.Zero ? SamplesSeen / Elapsed.TotalSeconds : 0;

    /// <summary>
    /// The loss that selects the best checkpoint: validation loss, or training loss without validation.
    /// </summary>
    [JsonIgnore]
    public double SelectionLoss => Validation?.Loss ?? TrainLoss;
}

/// <summary>
/// The network on the validation subset: its original positives and all its negatives, unaugmented, in eval mode.
/// </summary>
/// <param name="Loss">Mean cross-entropy per cube.</param>
/// <param name="Accuracy">Share of cubes whose most probable class is right.</param>
/// <param name="RocAuc">Area under the ROC curve; null when one class is missing.</param>
/// <param name="Cpm">LUNA16 CPM of the validation subset; null without annotations to score against.</param>
/// <param name="Positives">Original positive cubes scored.</param>
/// <param name="Negatives">Negative cubes scored.</param>
/// <param name="Elapsed">Wall time of the validation pass.</param>
public sealed record ValidationMetrics(
    double Loss,
    double Accuracy,
    double? RocAuc,
    double? Cpm,
    int Positives,
    int Negatives,
    TimeSpan Elapsed);
