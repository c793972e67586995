using static TorchSharp.torch;

namespace LunaFpr.Learning.Training;

/// <summary>
/// A batch ready for the network: cubes [B, C, z, y, x] float32 in [0, 1], labels [B] int64 (1 = nodule), and the
/// entry index of each row. Owns its tensors; dispose it when the step is done.
/// </summary>
public sealed class CubeBatch(Tensor cubes, Tensor labels, IReadOnlyList<CubeSample> samples) : IDisposable
{
    /// <summary>[B, C, z, y, x], float32.</summary>
    public Tensor Cubes { get; } = cubes;

    /// <summary>[B], int64: 1 for a nodule, 0 otherwise.</summary>
    public Tensor Labels { get; } = labels;

    /// <summary>What each row holds: entry index, label and augmentation.</summary>
    public IReadOnlyList<CubeSample> Samples { get; } = samples;

    /// <summary>Rows B.</summary>
    public int Count => Samples.Count;

    public void Dispose()
    {
        Cubes.Dispose();
        Labels.Dispose();
    }
}
