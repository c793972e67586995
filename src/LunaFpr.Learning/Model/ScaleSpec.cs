using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Model;

/// <summary>
/// The geometry of one scale branch (SPEC §3): the crop it reads from the 26 × 40 × 40 cube, its max-pool window and
/// stride, and the kernel of its last convolution. All triples are in index order (z, y, x); the stride reuses
/// <see cref="CubeShape"/> as a plain (z, y, x) triple.
/// </summary>
public sealed record ScaleSpec(
    string Name,
    IndexZyx CropStart,
    CubeShape CropSize,
    CubeShape PoolWindow,
    CubeShape PoolStride,
    CubeShape LastKernel)
{
    /// <summary>Kernel of the first two convolutions, (3, 5, 5) with same padding.</summary>
    public static CubeShape Kernel { get; } = new(3, 5, 5);

    /// <summary>The whole cube, 26 × 40 × 40, pooled 2 × 2 × 2 with stride 2.</summary>
    public static ScaleSpec D40 { get; } = new(
        "d40", new IndexZyx(0, 0, 0), new CubeShape(26, 40, 40),
        new CubeShape(2, 2, 2), new CubeShape(2, 2, 2), Kernel);

    /// <summary>z [8, 18), y [5, 35), x [5, 35): 10 × 30 × 30, pooled (1, 2, 2) with stride 2.</summary>
    public static ScaleSpec D30 { get; } = new(
        "d30", new IndexZyx(8, 5, 5), new CubeShape(10, 30, 30),
        new CubeShape(1, 2, 2), new CubeShape(2, 2, 2), Kernel);

    /// <summary>
    /// z [10, 16), y [10, 30), x [10, 30): 6 × 20 × 20, subsampled by a window-1 pool with stride 2; its last
    /// convolution is (1, 5, 5).
    /// </summary>
    public static ScaleSpec D20 { get; } = new(
        "d20", new IndexZyx(10, 10, 10), new CubeShape(6, 20, 20),
        new CubeShape(1, 1, 1), new CubeShape(2, 2, 2), new CubeShape(1, 5, 5));

    /// <summary>The three branches in the order the network concatenates them: d40, d30, d20.</summary>
    public static IReadOnlyList<ScaleSpec> All { get; } = [D40, D30, D20];

    /// <summary>Spatial size after the pool, (z, y, x): ⌊(size − window) / stride⌋ + 1 on each axis.</summary>
    public CubeShape PooledSize => new(
        (CropSize.Z - PoolWindow.Z) / PoolStride.Z + 1,
        (CropSize.Y - PoolWindow.Y) / PoolStride.Y + 1,
        (CropSize.X - PoolWindow.X) / PoolStride.X + 1);

    /// <summary>Length of the flattened feature map that enters the branch's dense layer.</summary>
    public long FlattenedLength(int filters) => (long)filters * PooledSize.VoxelCount;
}
