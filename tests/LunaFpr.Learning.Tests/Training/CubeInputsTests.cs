using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Tests.Training;

public class CubeInputsTests
{
    private static readonly CubeShape Shape = CubeShape.Default;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fill_WithQuarterTurns_MatchesTorchRot90AboutZ(int turns)
    {
        var hu = Ramp();
        var inputs = new CubeInputs(Shape, [CubeChannel.Lung]);
        var plain = Filled(inputs, hu, new CubeSample(0, false));
        var turned = Filled(inputs, hu, new CubeSample(0, false, turns));

        using var expected = tensor(plain, [Shape.Z, Shape.Y, Shape.X]).rot90(turns, (1, 2)).contiguous();

        Assert.Equal(expected.data<float>().ToArray(), turned);
    }

    [Fact]
    public void Fill_WithMirrors_ReversesXAfterTheTurnAndZ()
    {
        var hu = Ramp();
        var inputs = new CubeInputs(Shape, [CubeChannel.Lung]);
        var plain = Filled(inputs, hu, new CubeSample(0, false));
        var mirrored = Filled(inputs, hu, new CubeSample(0, false, 1, MirrorX: true, MirrorZ: true));

        using var expected = tensor(plain, [Shape.Z, Shape.Y, Shape.X]).rot90(1, (1, 2)).flip(2, 0).contiguous();

        Assert.Equal(expected.data<float>().ToArray(), mirrored);
    }

    [Fact]
    public void Fill_WithTwoChannels_WritesLungThenMediastinalWindow()
    {
        var hu = new short[Shape.VoxelCount];
        hu[0] = -1000;
        hu[1] = 400;
        hu[2] = 35;
        var inputs = new CubeInputs(Shape, [CubeChannel.Lung, CubeChannel.Mediastinal]);

        var values = Filled(inputs, hu, new CubeSample(0, true));

        Assert.Equal(2 * Shape.VoxelCount, values.Length);
        Assert.Equal([0f, 1f, 1035f / 1400f], values[..3]);
        Assert.Equal([0f, 1f, 0.5f], values.AsSpan(Shape.VoxelCount, 3).ToArray());
    }

    [Fact]
    public void Fill_WithTwoChannelsTurned_TurnsEachChannel()
    {
        var hu = Ramp();
        var inputs = new CubeInputs(Shape, [CubeChannel.Lung, CubeChannel.MinMax]);
        var plain = Filled(inputs, hu, new CubeSample(0, false));

        var turned = Filled(inputs, hu, new CubeSample(0, false, 2));

        using var expected = tensor(plain, [2, Shape.Z, Shape.Y, Shape.X]).rot90(2, (2, 3)).contiguous();
        Assert.Equal(expected.data<float>().ToArray(), turned);
    }

    // Every voxel a different HU inside the lung window, so any misplaced voxel shows.
    private static short[] Ramp() =>
        Enumerable.Range(0, Shape.VoxelCount).Select(i => (short)(-1000 + i % 1400)).ToArray();

    private static float[] Filled(CubeInputs inputs, short[] hu, CubeSample sample)
    {
        var values = new float[inputs.ValuesPerCube];
        inputs.Fill(hu, sample, values, new float[inputs.ValuesPerCube]);
        return values;
    }
}
