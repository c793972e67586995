namespace LunaFpr.Imaging;

/// <summary>
/// A CT volume in Hounsfield units with its geometry. Voxels are stored in (z, y, x) order, x fastest, as in a
/// MetaImage data file. This type is the one place where world millimetres and voxel indices meet.
/// </summary>
/// <remarks>
/// World position of continuous index (x, y, z) = <see cref="Origin"/> + <see cref="Direction"/> · (x·sx, y·sy, z·sz),
/// with (sx, sy, sz) = <see cref="Spacing"/>. A scan stored flipped on an axis has −1 on that axis of the direction.
/// </remarks>
public sealed class Scan
{
    private readonly Direction inverseDirection;

    /// <param name="seriesUid">Series instance UID, the name LUNA16 lists use for this scan.</param>
    /// <param name="size">Extent in voxels (x, y, z).</param>
    /// <param name="spacing">Voxel spacing (x, y, z) in mm; every component must be positive.</param>
    /// <param name="origin">World position (x, y, z) in mm of voxel [0, 0, 0].</param>
    /// <param name="direction">Direction cosines; identity for a plain axial LUNA16 scan.</param>
    /// <param name="voxels">HU values in (z, y, x) order; length X × Y × Z.</param>
    public Scan(
        string seriesUid,
        VolumeSize size,
        Vector3D spacing,
        Vector3D origin,
        Direction direction,
        short[] voxels)
    {
        if (size.X <= 0 || size.Y <= 0 || size.Z <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Every dimension of a scan must be positive.");
        }

        if (!(spacing.X > 0 && spacing.Y > 0 && spacing.Z > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Every spacing must be positive (mm).");
        }

        if (voxels.LongLength != size.VoxelCount)
        {
            throw new ArgumentException(
                $"Scan of size {size} needs {size.VoxelCount} voxels, got {voxels.LongLength}.", nameof(voxels));
        }

        SeriesUid = seriesUid;
        Size = size;
        Spacing = spacing;
        Origin = origin;
        Direction = direction;
        Voxels = voxels;
        inverseDirection = direction.Inverse();
    }

    public string SeriesUid { get; }

    /// <summary>Extent in voxels along x, y, z.</summary>
    public VolumeSize Size { get; }

    /// <summary>Voxel spacing (x, y, z) in mm.</summary>
    public Vector3D Spacing { get; }

    /// <summary>World position (x, y, z) in mm of voxel [z=0, y=0, x=0].</summary>
    public Vector3D Origin { get; }

    public Direction Direction { get; }

    /// <summary>HU values in (z, y, x) order, x fastest.</summary>
    public short[] Voxels { get; }

    /// <summary>HU at voxel [z, y, x]; no bounds check beyond the array's own.</summary>
    public short this[int z, int y, int x] => Voxels[((long)z * Size.Y + y) * Size.X + x];

    /// <summary>HU at <paramref name="index"/>.</summary>
    public short this[IndexZyx index] => this[index.Z, index.Y, index.X];

    /// <summary>Continuous index (x, y, z) of a world point (x, y, z) in mm; honours a general direction.</summary>
    public Vector3D WorldToContinuousIndex(Vector3D worldMm)
    {
        var local = inverseDirection.Apply(worldMm - Origin);
        return new Vector3D(local.X / Spacing.X, local.Y / Spacing.Y, local.Z / Spacing.Z);
    }

    /// <summary>
    /// Nearest voxel index of a world point (x, y, z) in mm. Halves round to even, as numpy's <c>rint</c> does
    /// in the LUNA16 reference scripts. The result may lie outside the scan; check with <see cref="Contains"/>.
    /// </summary>
    public IndexZyx WorldToIndexZyx(Vector3D worldMm)
    {
        var c = WorldToContinuousIndex(worldMm);
        return new IndexZyx((int)Math.Round(c.Z), (int)Math.Round(c.Y), (int)Math.Round(c.X));
    }

    /// <summary>World point (x, y, z) in mm of a continuous index (x, y, z).</summary>
    public Vector3D ContinuousIndexToWorld(Vector3D indexXyz) =>
        Origin + Direction.Apply(new Vector3D(indexXyz.X * Spacing.X, indexXyz.Y * Spacing.Y, indexXyz.Z * Spacing.Z));

    /// <summary>World point (x, y, z) in mm of the centre of voxel <paramref name="index"/>.</summary>
    public Vector3D IndexToWorld(IndexZyx index) => ContinuousIndexToWorld(new Vector3D(index.X, index.Y, index.Z));

    /// <summary>True when <paramref name="index"/> lies inside the scan.</summary>
    public bool Contains(IndexZyx index) => Size.Contains(index);
}
