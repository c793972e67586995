using LunaFpr.Patches;

namespace LunaFpr.Tests.Patches;

public class ClaheTests
{
    [Fact]
    public void Apply_KeepsOrderAndSpreadsValues_OnALowContrastRamp()
    {
        const int size = 40;
        var slice = new float[size * size];
        for (var i = 0; i < slice.Length; i++)
        {
            slice[i] = 0.40f + 0.10f * (i % size) / size; // a narrow band of grey rising along x
        }

        var result = new float[slice.Length];
        new Clahe(TilesY: 1, TilesX: 1, ClipLimit: 1).Apply(slice, size, size, result);

        // Without clipping one tile is plain histogram equalisation: the band spreads over nearly all of [0, 1].
        Assert.True(result[0] < 0.1f);
        Assert.Equal(1f, result[size - 1], 5);
        for (var x = 1; x < size; x++)
        {
            Assert.True(result[x] >= result[x - 1]);
        }
    }

    [Fact]
    public void Apply_LimitsContrast_WhenTheClipLimitIsLow()
    {
        const int size = 40;
        var slice = new float[size * size];
        for (var i = 0; i < slice.Length; i++)
        {
            slice[i] = 0.40f + 0.10f * (i % size) / size;
        }

        var free = new float[slice.Length];
        var clipped = new float[slice.Length];
        new Clahe(1, 1, ClipLimit: 1).Apply(slice, size, size, free);
        new Clahe(1, 1, ClipLimit: 0.005).Apply(slice, size, size, clipped);

        var freeSpread = free[size - 1] - free[0];
        var clippedSpread = clipped[size - 1] - clipped[0];
        Assert.True(clippedSpread < freeSpread / 2, $"clipped spread {clippedSpread}, free {freeSpread}");
    }

    [Fact]
    public void Apply_StaysWithinZeroToOne_AcrossTileBorders()
    {
        const int size = 40;
        var slice = new float[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                slice[y * size + x] = x < size / 2 ? 0.2f : 0.3f + 0.01f * (y % 7);
            }
        }

        var result = new float[slice.Length];
        Clahe.Default.Apply(slice, size, size, result);

        Assert.All(result, v => Assert.InRange(v, 0f, 1f));
    }
}
