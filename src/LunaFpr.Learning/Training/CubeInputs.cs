using LunaFpr.Patches;

namespace LunaFpr.Learning.Training;

/// <summary>
/// Turns a stored cube (int16 HU, (z, y, x)) into network input: one float channel in [0, 1] per HU window, laid out
/// [C, z, y, x], with the sample's rotation and mirrors applied while copying.
/// </summary>
public sealed class CubeInputs
{
    private readonly HuWindow[] windows;

    /// <param name="shape">Cube size (z, y, x); rotations need y = x.</param>
    /// <param name="windows">One window per channel, in channel order.</param>
    public CubeInputs(CubeShape shape, IReadOnlyList<HuWindow> windows)
    {
        if (windows.Count == 0)
        {
            throw new ArgumentException("At least one HU window (channel) is needed.", nameof(windows));
        }

        Shape = shape;
        this.windows = [.. windows];
    }

    /// <summary>Cube size (z, y, x).</summary>
    public CubeShape Shape { get; }

    /// <summary>Channels C, one per window.</summary>
    public int Channels => windows.Length;

    /// <summary>Floats per cube: C · z · y · x.</summary>
    public int ValuesPerCube => Channels * Shape.VoxelCount;

    /// <summary>
    /// The windows of the input channels: 1 → lung [−1000, 400] HU; 2 → lung, then mediastinal [−115, 185] HU.
    /// </summary>
    /// <exception cref="NotSupportedException">For other channel counts.</exception>
    public static IReadOnlyList<HuWindow> WindowsFor(int channels) => channels switch
    {
        1 => [HuWindow.Lung],
        2 => [HuWindow.Lung, HuWindow.Mediastinal],
        _ => throw new NotSupportedException(
            $"{channels} input channels are not supported; use 1 (lung window) or 2 (lung + mediastinal)."),
    };

    /// <summary>
    /// Writes the channels of <paramref name="hu"/> (z, y, x) into <paramref name="destination"/> [C, z, y, x],
    /// transformed as <paramref name="sample"/> says. <paramref name="scratch"/> holds one channel (z · y · x).
    /// </summary>
    public void Fill(ReadOnlySpan<short> hu, CubeSample sample, Span<float> destination, Span<float> scratch)
    {
        var voxels = Shape.VoxelCount;
        if (hu.Length != voxels || destination.Length < ValuesPerCube || scratch.Length < voxels)
        {
            throw new ArgumentException(
                $"A {Shape} cube needs {voxels} HU values, {ValuesPerCube} output and {voxels} scratch floats; " +
                $"got {hu.Length}, {destination.Length} and {scratch.Length}.");
        }

        if (sample.IsIdentity)
        {
            for (var c = 0; c < windows.Length; c++)
            {
                windows[c].Apply(hu, destination.Slice(c * voxels, voxels));
            }

            return;
        }

        var plane = PlaneSources(sample);
        for (var c = 0; c < windows.Length; c++)
        {
            windows[c].Apply(hu, scratch[..voxels]);
            Gather(scratch[..voxels], plane, sample.MirrorZ, destination.Slice(c * voxels, voxels));
        }
    }

    private void Gather(ReadOnlySpan<float> source, int[] plane, bool mirrorZ, Span<float> destination)
    {
        var planeSize = Shape.Y * Shape.X;
        for (var z = 0; z < Shape.Z; z++)
        {
            var from = source.Slice((mirrorZ ? Shape.Z - 1 - z : z) * planeSize, planeSize);
            var to = destination.Slice(z * planeSize, planeSize);
            for (var i = 0; i < planeSize; i++)
            {
                to[i] = from[plane[i]];
            }
        }
    }

    /// <summary>
    /// For each output (y, x), the source offset y_s · X + x_s in the stored plane. Rotation follows numpy/torch
    /// rot90 from y towards x: one quarter turn reads out[y, x] = in[x, n − 1 − y]; the x mirror is applied after.
    /// </summary>
    private int[] PlaneSources(CubeSample sample)
    {
        var turns = ((sample.QuarterTurns % 4) + 4) % 4;
        if (turns != 0 && Shape.Y != Shape.X)
        {
            throw new NotSupportedException(
                $"Rotating about z needs a square y/x plane; the cube is {Shape} (z×y×x).");
        }

        int ny = Shape.Y, nx = Shape.X;
        var sources = new int[ny * nx];
        for (var y = 0; y < ny; y++)
        {
            for (var x = 0; x < nx; x++)
            {
                var xr = sample.MirrorX ? nx - 1 - x : x;
                var (ys, xs) = turns switch
                {
                    0 => (y, xr),
                    1 => (xr, nx - 1 - y),
                    2 => (ny - 1 - y, nx - 1 - xr),
                    _ => (ny - 1 - xr, y),
                };
                sources[y * nx + x] = ys * nx + xs;
            }
        }

        return sources;
    }
}
