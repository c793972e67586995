using System.Text.Json;
using LunaFpr.IO;

namespace LunaFpr.Learning.Training;

/// <summary>
/// The JSON sidecar beside every checkpoint (<c>X.bin</c> → <c>X.json</c>): the run's config, the epoch, its rate,
/// its metrics and the best epoch so far. <see cref="WeightsFile"/> names the epoch checkpoint the weights are a copy
/// of; in <c>last.json</c>, <see cref="OptimizerFile"/> names the saved optimiser state. Under weight averaging
/// the checkpoint holds the averaged weights, and <c>last.json</c> also names the trained weights
/// (<see cref="TrainingWeightsFile"/>) and how many steps went into the average (<see cref="AveragedSteps"/>).
/// </summary>
public sealed record CheckpointInfo(
    int FormatVersion,
    TrainingConfig Config,
    int Fold,
    int Epoch,
    double LearningRate,
    double NextLearningRate,
    EpochMetrics Metrics,
    int BestEpoch,
    double BestLoss,
    string WeightsFile,
    string? OptimizerFile,
    string? TrainingWeightsFile = null,
    long AveragedSteps = 0)
{
    /// <summary>The sidecar format this build writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Sidecar path of a weights file: same folder and name, extension <c>.json</c>.</summary>
    public static string SidecarPath(string weightsPath) => Path.ChangeExtension(weightsPath, ".json");

    /// <summary>Reads the sidecar of <paramref name="weightsPath"/>.</summary>
    /// <exception cref="FileNotFoundException">When the sidecar is missing.</exception>
    /// <exception cref="InvalidDataException">When it is not a sidecar of this format.</exception>
    public static CheckpointInfo ReadFor(string weightsPath)
    {
        var path = SidecarPath(weightsPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Checkpoint '{weightsPath}' has no sidecar '{path}'; the sidecar holds the model settings the " +
                "weights need. Use a checkpoint written by lunafpr train (epoch-*.bin, best.bin or last.bin).", path);
        }

        CheckpointInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllText(path), TrainingConfigFile.JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"Checkpoint sidecar '{path}', line {e.LineNumber + 1}, key '{e.Path}': {e.Message}", e);
        }

        if (info is null || info.FormatVersion != CurrentFormat || info.Config is null)
        {
            throw new InvalidDataException(
                $"Checkpoint sidecar '{path}' is not a format-{CurrentFormat} sidecar of lunafpr train.");
        }

        return info;
    }

    /// <summary>Writes the sidecar of <paramref name="weightsPath"/> atomically.</summary>
    public void WriteFor(string weightsPath) => AtomicFile.WriteText(
        SidecarPath(weightsPath),
        writer => writer.WriteLine(JsonSerializer.Serialize(this, TrainingConfigFile.JsonOptions)));
}
