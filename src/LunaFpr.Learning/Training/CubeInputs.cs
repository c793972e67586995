using LunaFpr.Patches;

namespace LunaFpr.Learning.Training;

/// <summary>
/// Turns a stored cube (int16 HU, (z, y, x)) into network input [C, z, y, x], one float channel per
/// <see cref="CubeChannel"/> (made by <see cref="CubeChannels"/>), with the sample's rotation and mirrors applied.
/// </summary>
public sealed class CubeInputs
{
    private readonly CubeChannels channels;

    /// <param name="shape">Cube size (z, y, x); rotations need y = x.</param>
    /// <param name="channels">The channels, in order.</param>
    public CubeInputs(CubeShape shape, IReadOnlyList<CubeChannel> channels)
    {
        this.channels = new CubeChannels(shape, channels);
    }

    /// <summary>Cube size (z, y, x).</summary>
    public CubeShape Shape => channels.Shape;

    /// <summary>Channels C.</summary>
    public int Channels => channels.Count;

    /// <summary>Floats per cube: C · z · y · x; also the size of the scratch <see cref="Fill"/> needs.</summary>
    public int ValuesPerCube => channels.ValueCount;

    /// <summary>
    /// Writes the channels of <paramref name="hu"/> (z, y, x) into <paramref name="destination"/> [C, z, y, x],
    /// transformed as <paramref name="sample"/> says. <paramref name="scratch"/> holds
    /// <see cref="ValuesPerCube"/> floats; the channels are made from the stored cube, then turned and mirrored.
    /// </summary>
    public void Fill(ReadOnlySpan<short> hu, CubeSample sample, Span<float> destination, Span<float> scratch)
    {
        if (destination.Length < ValuesPerCube || scratch.Length < ValuesPerCube)
        {
            throw new ArgumentException(
                $"A {Shape} cube with {Channels} channel(s) needs {ValuesPerCube} output and scratch floats; " +
                $"got {destination.Length} and {scratch.Length}.");
        }

        if (sample.IsIdentity)
        {
            channels.Fill(hu, destination);
            return;
        }

        channels.Fill(hu, scratch);
        var plane = PlaneSources(sample);
        var voxels = Shape.VoxelCount;
        for (var c = 0; c < Channels; c++)
        {
            Gather(scratch.Slice(c * voxels, voxels), plane, sample.MirrorZ, destination.Slice(c * voxels, voxels));
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
