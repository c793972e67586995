using LunaFpr.Learning.Model;
using LunaFpr.Learning.Training;

namespace LunaFpr.Learning.Tests.Fakes;

/// <summary>Small data and settings that train in seconds on two cores.</summary>
internal static class TinyRuns
{
    /// <summary>
    /// Fold 0's subsets: 0 (test), 1 (validation: 2 original positives, 16 negatives), 2 and 3 (training:
    /// 12 resampled positives and 16 negatives each).
    /// </summary>
    public static SyntheticPatchSource Source(int seed = 1) =>
        new([0, 1, 2, 3], resampled: 12, original: 2, negatives: 16, seed);

    /// <summary>The small preset, two threads, a fixed seed, no decay unless asked.</summary>
    public static TrainingConfig Config(int epochs, int steps, int batch, double rate = 0.001, double decay = 1) =>
        new(ModelSettings.Small, new TrainingSettings(
            Epochs: epochs, BatchSize: batch, StepsPerEpoch: steps, LearningRate: rate, DecayPerEpoch: decay,
            Seed: 11, Threads: 2, ValidationBatchSize: 32));
}
