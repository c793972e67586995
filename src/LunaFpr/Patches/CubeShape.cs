namespace LunaFpr.Patches;

/// <summary>
/// Size in voxels of a cube cut around a point, in storage order (z, y, x). LUNA16 default: 26 × 40 × 40.
/// </summary>
public readonly record struct CubeShape(int Z, int Y, int X)
{
    /// <summary>The cube of SPEC §2.3 that the three-scale network reads.</summary>
    public static CubeShape Default { get; } = new(26, 40, 40);

    /// <summary>Voxels in one cube, Z × Y × X.</summary>
    public int VoxelCount => Z * Y * X;

    public override string ToString() => $"{Z}×{Y}×{X}";
}
