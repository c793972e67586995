using LunaFpr.Learning.Model;
using LunaFpr.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Inference;

/// <summary>
/// A network rebuilt from a checkpoint, in eval mode on <see cref="Device"/>, with the sidecar that describes it.
/// Dispose it to free the weights.
/// </summary>
public sealed record LoadedModel(MultiScaleNet Network, CheckpointInfo Info, Device Device) : IDisposable
{
    /// <summary>The run's settings: model, optimiser and data.</summary>
    public TrainingConfig Config => Info.Config;

    public void Dispose() => Network.Dispose();
}

/// <summary>Loads networks from checkpoints written by <see cref="CheckpointStore"/>.</summary>
public static class ModelCheckpoint
{
    /// <summary>
    /// Builds the network that <paramref name="weightsPath"/>'s sidecar describes and loads its weights, on
    /// <paramref name="device"/> (CPU when null), in eval mode.
    /// </summary>
    /// <exception cref="FileNotFoundException">When the weights or the sidecar are missing.</exception>
    /// <exception cref="InvalidDataException">When either cannot be read.</exception>
    public static LoadedModel Load(string weightsPath, Device? device = null)
    {
        var info = CheckpointInfo.ReadFor(RequireFile(weightsPath));
        var network = new MultiScaleNet(info.Config.Model);
        try
        {
            LoadWeights(network, weightsPath);
            network.to(device ?? CPU);
            network.eval();
            return new LoadedModel(network, info, device ?? CPU);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads <paramref name="weightsPath"/> into <paramref name="network"/> after checking that its sidecar's model
    /// settings match the network's.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// When the architectures differ; the message names every setting that differs.
    /// </exception>
    public static void LoadWeights(MultiScaleNet network, string weightsPath)
    {
        var info = CheckpointInfo.ReadFor(RequireFile(weightsPath));
        var differences = network.Settings.ArchitectureDifferences(info.Config.Model);
        if (differences.Count > 0)
        {
            throw new InvalidDataException(
                $"Checkpoint '{weightsPath}' was trained with another architecture " +
                $"({string.Join("; ", differences)}). Use the same model settings (preset, filters, dense sizes, " +
                "fusion, channels) as the checkpoint's sidecar, or train afresh.");
        }

        try
        {
            network.load(weightsPath);
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"Checkpoint '{weightsPath}' could not be read as TorchSharp weights ({e.Message}); the file may " +
                "be truncated. Use another checkpoint of the run (epoch-*.bin, best.bin).", e);
        }
    }

    private static string RequireFile(string weightsPath) => File.Exists(weightsPath)
        ? weightsPath
        : throw new FileNotFoundException($"Checkpoint '{weightsPath}' does not exist.", weightsPath);
}
