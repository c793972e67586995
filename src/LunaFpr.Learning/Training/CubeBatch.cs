using static TorchSharp.torch;

namespace LunaFpr.Learning.Training;

/// <summary>
/// A batch read, windowed and augmented, ready to become tensors: values [B, C, z, y, x] float32 in [0, 1] and labels
/// [B] (1 = nodule). It holds managed arrays, so that the thread that computes creates its tensors inside its own
/// dispose scope (one memory copy, a few milliseconds against a step of seconds).
/// </summary>
public sealed class CubeBatch
{
    private readonly float[] values;
    private readonly long[] labels;
    private readonly long[] shape;

    /// <param name="values">B · C · z · y · x floats, row after row.</param>
    /// <param name="labels">B labels.</param>
    /// <param name="samples">What each row holds.</param>
    /// <param name="inputs">Channels and cube shape of a row.</param>
    public CubeBatch(float[] values, long[] labels, IReadOnlyList<CubeSample> samples, CubeInputs inputs)
    {
        if (values.Length != samples.Count * inputs.ValuesPerCube || labels.Length != samples.Count)
        {
            throw new ArgumentException(
                $"A batch of {samples.Count} needs {samples.Count * inputs.ValuesPerCube} values and " +
                $"{samples.Count} labels; got {values.Length} and {labels.Length}.");
        }

        this.values = values;
        this.labels = labels;
        Samples = samples;
        shape = [samples.Count, inputs.Channels, inputs.Shape.Z, inputs.Shape.Y, inputs.Shape.X];
    }

    /// <summary>What each row holds: entry index, label and augmentation.</summary>
    public IReadOnlyList<CubeSample> Samples { get; }

    /// <summary>Rows B.</summary>
    public int Count => Samples.Count;

    /// <summary>A new tensor [B, C, z, y, x] float32 on <paramref name="device"/>; the caller disposes it.</summary>
    public Tensor CubesOn(Device device) => OnDevice(tensor(values, shape), device);

    /// <summary>A new tensor [B] int64 on <paramref name="device"/>; the caller disposes it.</summary>
    public Tensor LabelsOn(Device device) => OnDevice(tensor(labels), device);

    private static Tensor OnDevice(Tensor host, Device device)
    {
        if (device.type == TorchSharp.DeviceType.CPU)
        {
            return host;
        }

        using (host)
        {
            return host.to(device);
        }
    }
}
