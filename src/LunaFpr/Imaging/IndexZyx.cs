namespace LunaFpr.Imaging;

/// <summary>
/// An integer voxel index in storage order: slice <see cref="Z"/>, row <see cref="Y"/>, column <see cref="X"/>.
/// </summary>
public readonly record struct IndexZyx(int Z, int Y, int X)
{
    public override string ToString() => $"[z={Z}, y={Y}, x={X}]";
}

/// <summary>Volume extent in voxels along each index axis.</summary>
public readonly record struct VolumeSize(int X, int Y, int Z)
{
    /// <summary>Number of voxels, X × Y × Z.</summary>
    public long VoxelCount => (long)X * Y * Z;

    /// <summary>True when <paramref name="index"/> lies inside the volume.</summary>
    public bool Contains(IndexZyx index) =>
        (uint)index.X < (uint)X && (uint)index.Y < (uint)Y && (uint)index.Z < (uint)Z;

    public override string ToString() => $"{X} × {Y} × {Z}";
}
