using LunaFpr.Patches;

namespace LunaFpr.Tests.Patches;

public class CubeChannelsTests
{
    private static readonly CubeShape Small = new(2, 4, 4);

    private static short[] Ramp(int count, int from, int step) =>
        Enumerable.Range(0, count).Select(i => (short)(from + i * step)).ToArray();

    [Fact]
    public void Fill_MapsTheLungWindowToZeroAndOne_AtItsEdges()
    {
        short[] hu = [-3024, -1000, -300, 400, 2000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var channels = new CubeChannels(Small, [CubeChannel.Lung]);

        var values = channels.Create(hu);

        Assert.Equal([0f, 0f, 0.5f, 1f, 1f], values[..5]);
        Assert.Equal(1000f / 1400f, values[5], 6);
    }

    [Fact]
    public void Fill_WindowsEveryVoxel_ToTheMediastinalWindow()
    {
        var hu = Ramp(CubeShape.Default.VoxelCount, -1500, 1);
        var expected = hu.Select(v => (Math.Clamp(v, -115f, 185f) + 115f) / 300f).ToArray();

        var values = new CubeChannels(CubeShape.Default, [CubeChannel.Mediastinal]).Create(hu);

        Assert.Equal(expected, values, (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void Fill_LaysChannelsOutAsCzyx_InTheOrderGiven()
    {
        var hu = Ramp(Small.VoxelCount, -200, 10);
        var channels = new CubeChannels(Small, [CubeChannel.MinMax, CubeChannel.Lung, CubeChannel.Clahe]);

        var values = channels.Create(hu);

        Assert.Equal(3 * Small.VoxelCount, values.Length);
        Assert.Equal(0f, values[0]); // min–max: the lowest HU is 0, the highest 1
        Assert.Equal(1f, values[Small.VoxelCount - 1]);
        Assert.Equal(800f / 1400f, values[Small.VoxelCount], 6); // lung window of −200 HU
        Assert.All(values[(2 * Small.VoxelCount)..], v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Fill_GivesZeros_ForTheMinMaxOfAFlatCube()
    {
        var hu = Enumerable.Repeat((short)-700, Small.VoxelCount).ToArray();

        var values = new CubeChannels(Small, [CubeChannel.MinMax]).Create(hu);

        Assert.All(values, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Parse_ReadsNamesInOrder_IgnoringCase()
    {
        Assert.Equal([CubeChannel.Lung, CubeChannel.Clahe, CubeChannel.MinMax],
            CubeChannels.Parse("lung, CLAHE,minmax"));
    }

    [Fact]
    public void Parse_NamesTheBadChannel_WhenUnknown()
    {
        var error = Assert.Throws<FormatException>(() => CubeChannels.Parse("lung,bone"));

        Assert.Contains("'bone'", error.Message);
    }

    [Fact]
    public void Constructor_Refuses_ARepeatedChannel()
    {
        Assert.Throws<ArgumentException>(() => new CubeChannels(Small, [CubeChannel.Lung, CubeChannel.Lung]));
    }
}
