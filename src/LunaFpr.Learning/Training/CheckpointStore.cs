using System.Globalization;
using LunaFpr.IO;
using LunaFpr.Learning.Model;
using TorchSharp.Modules;

namespace LunaFpr.Learning.Training;

/// <summary>
/// The checkpoints of one run, in TorchSharp's own weight format (never pickle), each with a JSON sidecar
/// (<see cref="CheckpointInfo"/>): <c>epoch-003-val0.4123.bin</c> for every epoch, <c>best.bin</c> (lowest
/// validation loss), <c>last.bin</c>, and <c>optimizer-003.bin</c> (SGD momentum buffers of the last epoch).
/// Under weight averaging the checkpoints hold the averaged weights and <c>training-003.bin</c> (with its sidecar)
/// the trained ones of the last epoch, which a resumed run continues from.
/// </summary>
/// <remarks>
/// Every file is written to a temporary name and renamed. <c>last.json</c> is written last and is the commit point:
/// it names the epoch checkpoint and optimiser file to resume from, both complete before it is written, so a run
/// killed at any moment resumes from a consistent state.
/// </remarks>
public sealed class CheckpointStore(string directory)
{
    /// <summary>Folder holding the checkpoints.</summary>
    public string Directory { get; } = directory;

    /// <summary>Weights of the epoch with the lowest validation loss.</summary>
    public string BestPath => Path.Combine(Directory, "best.bin");

    /// <summary>Weights of the last finished epoch.</summary>
    public string LastPath => Path.Combine(Directory, "last.bin");

    /// <summary>"epoch-003-val0.4123.bin"; "epoch-003-valnone.bin" without validation.</summary>
    public static string EpochFileName(int epoch, double? validationLoss) => validationLoss is { } loss
        ? string.Create(CultureInfo.InvariantCulture, $"epoch-{epoch:000}-val{loss:0.0000}.bin")
        : $"epoch-{epoch:000}-valnone.bin";

    /// <summary>The sidecar of <see cref="LastPath"/>, or null when no epoch has finished.</summary>
    public CheckpointInfo? ReadLast() =>
        File.Exists(CheckpointInfo.SidecarPath(LastPath)) ? CheckpointInfo.ReadFor(LastPath) : null;

    /// <summary>
    /// Saves a finished epoch: its own checkpoint, <c>best</c> when <paramref name="isBest"/>, the optimiser state
    /// (and under weight averaging the trained weights), then <c>last</c>. Returns the epoch checkpoint's path.
    /// </summary>
    /// <param name="network">
    /// The weights to score with: the averaged network when averaging, else the trained one.
    /// </param>
    /// <param name="optimizer">The optimiser, whose state a resumed run restores.</param>
    /// <param name="info">The epoch's sidecar.</param>
    /// <param name="isBest">Also copy the checkpoint to <c>best.bin</c>.</param>
    /// <param name="trained">Under weight averaging, the network the optimiser steps; null otherwise.</param>
    public string Save(
        MultiScaleNet network,
        OptimizerHelper optimizer,
        CheckpointInfo info,
        bool isBest,
        MultiScaleNet? trained = null)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var epochPath = Path.Combine(Directory, info.WeightsFile);
        SaveWeights(network, epochPath);
        info.WriteFor(epochPath);

        if (isBest)
        {
            Copy(epochPath, BestPath);
            info.WriteFor(BestPath);
        }

        var optimizerFile = $"optimizer-{info.Epoch:000}.bin";
        AtomicFile.Write(Path.Combine(Directory, optimizerFile), stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            optimizer.save_state_dict(writer);
        });
        var trainedFile = trained is null ? null : $"training-{info.Epoch:000}.bin";
        if (trained is not null)
        {
            var trainedPath = Path.Combine(Directory, trainedFile!);
            SaveWeights(trained, trainedPath);
            info.WriteFor(trainedPath);
        }

        Copy(epochPath, LastPath);
        (info with { OptimizerFile = optimizerFile, TrainingWeightsFile = trainedFile }).WriteFor(LastPath);

        DeleteAllBut("optimizer-*.bin", optimizerFile);
        DeleteAllBut("training-*.bin", trainedFile);
        DeleteAllBut("training-*.json", trainedFile is null ? null : Path.ChangeExtension(trainedFile, ".json"));
        return epochPath;
    }

    /// <summary>The trained weights <paramref name="last"/> names (under weight averaging), else null.</summary>
    /// <exception cref="FileNotFoundException">When <c>last.json</c> names a file that is missing.</exception>
    public string? TrainingWeightsPath(CheckpointInfo last)
    {
        if (last.TrainingWeightsFile is null)
        {
            return null;
        }

        var path = Path.Combine(Directory, last.TrainingWeightsFile);
        return File.Exists(path) ? path : throw new FileNotFoundException(
            $"'{CheckpointInfo.SidecarPath(LastPath)}' names trained weights '{path}', which are missing; the " +
            "checkpoints hold only the averaged weights. Restore the file or train afresh in a new folder.", path);
    }

    /// <summary>Restores the optimiser state that <paramref name="last"/> names.</summary>
    /// <exception cref="FileNotFoundException">When the optimiser file is missing.</exception>
    public void LoadOptimizer(OptimizerHelper optimizer, CheckpointInfo last)
    {
        var path = Path.Combine(Directory, last.OptimizerFile ?? "");
        if (last.OptimizerFile is null || !File.Exists(path))
        {
            throw new FileNotFoundException(
                $"'{CheckpointInfo.SidecarPath(LastPath)}' names optimiser state '{path}', which is missing; " +
                "without it the momentum would restart. Restore the file or train afresh in a new folder.", path);
        }

        using var reader = new BinaryReader(File.OpenRead(path));
        optimizer.load_state_dict(reader);
    }

    /// <summary>The epoch checkpoint <paramref name="last"/> was copied from (immutable), else last.bin.</summary>
    public string ResumeWeightsPath(CheckpointInfo last)
    {
        var epochPath = Path.Combine(Directory, last.WeightsFile);
        return File.Exists(epochPath) ? epochPath : LastPath;
    }

    /// <summary>Writes the weights of <paramref name="network"/> to <paramref name="path"/> atomically.</summary>
    public static void SaveWeights(MultiScaleNet network, string path) => AtomicFile.Write(path, stream =>
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        network.save(writer);
    });

    private void DeleteAllBut(string pattern, string? keep)
    {
        foreach (var stale in System.IO.Directory.EnumerateFiles(Directory, pattern))
        {
            if (Path.GetFileName(stale) != keep)
            {
                File.Delete(stale);
            }
        }
    }

    private static void Copy(string source, string destination) => AtomicFile.Write(destination, stream =>
    {
        using var input = File.OpenRead(source);
        input.CopyTo(stream);
    });
}
