using LunaFpr.Imaging;
using LunaFpr.Patches;
using LunaFpr.Tests.Support;

namespace LunaFpr.Tests.Patches;

public class CubeExtractorTests
{
    private static readonly CubeShape Shape = CubeShape.Default;

    private static int At(int z, int y, int x) => (z * Shape.Y + y) * Shape.X + x;

    [Fact]
    public void Extract_PutsTheCentreVoxelAtThirteenTwentyTwenty_ForTheDefaultCube()
    {
        var scan = SyntheticScans.Uniform("s", new VolumeSize(64, 64, 40), -800);
        scan.Voxels[(17L * 64 + 30) * 64 + 33] = 1000; // bright voxel at (z, y, x) = (17, 30, 33)
        var cube = new short[Shape.VoxelCount];

        CubeExtractor.Extract(scan, new IndexZyx(17, 30, 33), Shape, cube);

        Assert.Equal(1000, cube[At(13, 20, 20)]);
        Assert.Equal(1, cube.Count(v => v == 1000));
        Assert.Equal(Shape.VoxelCount - 1, cube.Count(v => v == -800));
    }

    [Fact]
    public void Extract_CopiesTheRightScanVoxels_InsideTheScan()
    {
        var scan = SyntheticScans.Coded("s", new VolumeSize(60, 60, 3));
        var shape = new CubeShape(3, 4, 5);
        var cube = new short[shape.VoxelCount];

        CubeExtractor.Extract(scan, new IndexZyx(1, 10, 20), shape, cube);

        // z 0…2, y 8…11, x 18…22: size/2 before the centre, (size+1)/2 from it
        Assert.Equal(0 * 10000 + 8 * 100 + 18, cube[0]);
        Assert.Equal(2 * 10000 + 11 * 100 + 22, cube[^1]);
        Assert.Equal(1 * 10000 + 10 * 100 + 20, cube[(1 * 4 + 2) * 5 + 2]);
    }

    [Theory]
    [InlineData(0, -1)] // past z = 0
    [InlineData(0, 1)] // past the last slice
    [InlineData(1, -1)] // past y = 0
    [InlineData(1, 1)]
    [InlineData(2, -1)] // past x = 0
    [InlineData(2, 1)]
    public void Extract_FillsExactlyTheVoxelsPastEachFace_AtTheirOffset(int axis, int side)
    {
        var size = new VolumeSize(50, 50, 30);
        var scan = SyntheticScans.Uniform("s", size, 100);
        int[] scanSize = [size.Z, size.Y, size.X];
        int[] center = [15, 25, 25];
        int[] half = [Shape.Z / 2, Shape.Y / 2, Shape.X / 2];
        // Put the centre 3 voxels from the face, so the cube leaves the scan by a known amount.
        center[axis] = side < 0 ? 3 : scanSize[axis] - 4;
        var cube = new short[Shape.VoxelCount];

        CubeExtractor.Extract(scan, new IndexZyx(center[0], center[1], center[2]), Shape, cube);

        int[] dims = [Shape.Z, Shape.Y, Shape.X];
        for (var z = 0; z < Shape.Z; z++)
        {
            for (var y = 0; y < Shape.Y; y++)
            {
                for (var x = 0; x < Shape.X; x++)
                {
                    int[] c = [z, y, x];
                    var scanIndex = center[axis] - half[axis] + c[axis];
                    var inside = scanIndex >= 0 && scanIndex < scanSize[axis];
                    Assert.Equal(inside ? (short)100 : CubeExtractor.OutsideHu, cube[At(z, y, x)]);
                }
            }
        }

        var outsideCount = cube.Count(v => v == CubeExtractor.OutsideHu);
        var outsideLayers = side < 0 ? half[axis] - 3 : (dims[axis] + 1) / 2 - 4;
        Assert.Equal(outsideLayers * Shape.VoxelCount / dims[axis], outsideCount);
    }

    [Fact]
    public void Extract_KeepsABrightVoxelInPlace_WhenTheCubeCrossesACorner()
    {
        var scan = SyntheticScans.Uniform("s", new VolumeSize(30, 30, 20), 0);
        scan.Voxels[0] = 999; // voxel (0, 0, 0)
        var cube = new short[Shape.VoxelCount];

        CubeExtractor.Extract(scan, new IndexZyx(2, 5, 7), Shape, cube);

        // The scan's corner sits at cube (13 − 2, 20 − 5, 20 − 7): the y/x offset survives at the edge.
        Assert.Equal(999, cube[At(11, 15, 13)]);
        Assert.Equal(CubeExtractor.OutsideHu, cube[At(10, 15, 13)]);
        Assert.Equal(CubeExtractor.OutsideHu, cube[At(11, 14, 13)]);
        Assert.Equal(CubeExtractor.OutsideHu, cube[At(11, 15, 12)]);
        Assert.Equal(0, cube[At(12, 16, 14)]);
    }

    [Theory]
    [InlineData(-100, 5, 5)]
    [InlineData(5, 300, 5)]
    [InlineData(5, 5, -21)]
    public void Extract_FillsTheWholeCube_WhenTheCentreIsFarOutside(int z, int y, int x)
    {
        var scan = SyntheticScans.Uniform("s", new VolumeSize(10, 10, 10), 50);
        var cube = new short[Shape.VoxelCount];

        CubeExtractor.Extract(scan, new IndexZyx(z, y, x), Shape, cube, prefetchNext: new IndexZyx(5, 5, 500));

        Assert.All(cube, v => Assert.Equal(CubeExtractor.OutsideHu, v));
    }

    [Fact]
    public void Extract_GivesTheSameCube_WithOrWithoutPrefetchingTheNext()
    {
        var scan = SyntheticScans.Coded("s", new VolumeSize(60, 50, 3));
        var shape = new CubeShape(3, 8, 8);
        IndexZyx[] centres = [new(1, 10, 10), new(0, 49, 2), new(2, 25, 59), new(-5, 0, 0)];

        for (var i = 0; i < centres.Length; i++)
        {
            var plain = new short[shape.VoxelCount];
            var prefetched = new short[shape.VoxelCount];
            CubeExtractor.Extract(scan, centres[i], shape, plain);
            CubeExtractor.Extract(scan, centres[i], shape, prefetched, centres[(i + 1) % centres.Length]);

            Assert.Equal(plain, prefetched);
        }
    }

    [Fact]
    public void OutsideHu_WindowsToZero_InTheLungWindow()
    {
        var value = new float[1];
        HuWindow.Lung.Apply([CubeExtractor.OutsideHu], value);

        Assert.Equal(0f, value[0]);
    }
}
