using LunaFpr.Imaging;
using LunaFpr.Imaging.MetaImage;

namespace LunaFpr.Tests.Imaging;

/// <summary>
/// A 7 × 7 × 7 scan, spacing (0.5, 0.8, 2) mm, origin (10, −20, 30) mm, all −1000 HU but one 500 HU voxel at
/// index [z=2, y=3, x=5]; written as MetaImage, read back, and the bright voxel located in world mm.
/// </summary>
public sealed class ScanFilesGeometryTests : IDisposable
{
    private static readonly IndexZyx Bright = new(2, 3, 5);
    private static readonly Vector3D Spacing = new(0.5, 0.8, 2);
    private static readonly Vector3D Origin = new(10, -20, 30);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string, double[], double, double, double> Directions => new()
    {
        // name, TransformMatrix (axis vectors in turn), expected world x, y, z of the bright voxel in mm
        { "identity", [1, 0, 0, 0, 1, 0, 0, 0, 1], 10 + 5 * 0.5, -20 + 3 * 0.8, 30 + 2 * 2 },
        { "flipped x and y", [-1, 0, 0, 0, -1, 0, 0, 0, 1], 10 - 5 * 0.5, -20 - 3 * 0.8, 30 + 2 * 2 },
        { "flipped z", [1, 0, 0, 0, 1, 0, 0, 0, -1], 10 + 5 * 0.5, -20 + 3 * 0.8, 30 - 2 * 2 },
        { "index x along world y", [0, 1, 0, -1, 0, 0, 0, 0, 1], 10 - 3 * 0.8, -20 + 5 * 0.5, 30 + 2 * 2 },
        {
            // 30° about z, then index z tilted 45° towards world x: no axis lines up with the world's.
            "rotated and tilted",
            [Cos30, Sin30, 0, -Sin30, Cos30, 0, Sqrt1_2, 0, Sqrt1_2],
            10 + 2.5 * Cos30 - 2.4 * Sin30 + 4 * Sqrt1_2,
            -20 + 2.5 * Sin30 + 2.4 * Cos30,
            30 + 4 * Sqrt1_2
        },
    };

    private static double Cos30 => Math.Sqrt(3) / 2;

    private static double Sin30 => 0.5;

    private static double Sqrt1_2 => Math.Sqrt(0.5);

    [Theory]
    [MemberData(nameof(Directions))]
    public void BrightVoxel_IsFoundAtItsWorldPosition_ForEachDirection(
        string name,
        double[] transformMatrix,
        double x,
        double y,
        double z)
    {
        var path = WriteBrightVoxelScan(name, Direction.FromColumns(transformMatrix), compress: false);

        var scan = ScanFiles.Read(path);
        var brightest = Array.IndexOf(scan.Voxels, scan.Voxels.Max());
        var index = new IndexZyx(brightest / 49, brightest / 7 % 7, brightest % 7);
        var world = scan.IndexToWorld(index);

        Assert.Equal(Bright, index);
        Assert.Equal(x, world.X, 9);
        Assert.Equal(y, world.Y, 9);
        Assert.Equal(z, world.Z, 9);
    }

    [Theory]
    [MemberData(nameof(Directions))]
    public void WorldPointNearTheBrightVoxel_MapsBackToItsIndexAndHu(
        string name,
        double[] transformMatrix,
        double x,
        double y,
        double z)
    {
        var scan = ScanFiles.Read(WriteBrightVoxelScan(name, Direction.FromColumns(transformMatrix), compress: true));

        // 0.2 mm off the centre on every axis still rounds to the same voxel (half a voxel is ≥ 0.25 mm).
        var index = scan.WorldToIndexZyx(new Vector3D(x + 0.1, y - 0.1, z + 0.1));

        Assert.Equal(Bright, index);
        Assert.Equal(500, scan[index]);
    }

    private string WriteBrightVoxelScan(string name, Direction direction, bool compress)
    {
        var voxels = Enumerable.Repeat((short)-1000, 343).ToArray();
        voxels[(Bright.Z * 7 + Bright.Y) * 7 + Bright.X] = 500;
        var scan = new Scan("bright", new VolumeSize(7, 7, 7), Spacing, Origin, direction, voxels);
        var path = folder.File(name.Replace(' ', '-') + ".mhd");
        MetaImageWriter.Write(scan, path, compress);
        return path;
    }
}
