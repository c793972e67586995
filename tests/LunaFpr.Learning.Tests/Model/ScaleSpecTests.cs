using LunaFpr.Learning.Model;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Tests.Model;

public class ScaleSpecTests
{
    [Fact]
    public void PooledSize_FollowsEachBranchsPool()
    {
        Assert.Equal(new CubeShape(13, 20, 20), ScaleSpec.D40.PooledSize);
        Assert.Equal(new CubeShape(5, 15, 15), ScaleSpec.D30.PooledSize);
        Assert.Equal(new CubeShape(3, 10, 10), ScaleSpec.D20.PooledSize);
    }

    [Fact]
    public void Crops_AreCentredInsideTheCube()
    {
        var cube = CubeShape.Default;
        foreach (var scale in ScaleSpec.All)
        {
            Assert.Equal(cube.Z, 2 * scale.CropStart.Z + scale.CropSize.Z);
            Assert.Equal(cube.Y, 2 * scale.CropStart.Y + scale.CropSize.Y);
            Assert.Equal(cube.X, 2 * scale.CropStart.X + scale.CropSize.X);
        }
    }
}
