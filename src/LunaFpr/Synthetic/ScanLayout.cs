using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// Draws a synthetic scan's grid: size, spacing, world box and storage direction. The box is chosen in world
/// space first; a scan stored flipped on x or y (−1 on that axis of the direction, as some LUNA16 scans are)
/// covers the same box, its origin moved to the opposite corner, so world coordinates of the anatomy stay put.
/// </summary>
internal static class ScanLayout
{
    /// <summary>Fraction of scans stored flipped on x, y or both.</summary>
    public const double FlippedFraction = 0.25;

    /// <summary>
    /// An empty scan (all voxels 0) with drawn geometry. World box: x centred near 0, y near 0, z starting
    /// somewhere in [−400, −100] mm as LUNA16 offsets do.
    /// </summary>
    public static Scan Create(string seriesUid, SyntheticSize size, Random random)
    {
        var (voxels, spacing) = size == SyntheticSize.Small ? SmallGrid(random) : RealisticGrid(random);
        var extent = new Vector3D(
            (voxels.X - 1) * spacing.X, (voxels.Y - 1) * spacing.Y, (voxels.Z - 1) * spacing.Z);
        var minCorner = new Vector3D(
            Math.Round(-extent.X / 2 + random.Uniform(-15, 15), 3),
            Math.Round(-extent.Y / 2 + random.Uniform(-10, 30), 3),
            Math.Round(random.Uniform(-400, -100), 3));

        var (flipX, flipY) = DrawFlips(random);
        var origin = new Vector3D(
            flipX ? minCorner.X + extent.X : minCorner.X,
            flipY ? minCorner.Y + extent.Y : minCorner.Y,
            minCorner.Z);
        var direction = Direction.FromColumns([flipX ? -1 : 1, 0, 0, 0, flipY ? -1 : 1, 0, 0, 0, 1]);
        return new Scan(seriesUid, voxels, spacing, origin, direction, new short[voxels.VoxelCount]);
    }

    /// <summary>An empty scan with the geometry of <paramref name="scan"/> but flipped as asked.</summary>
    public static Scan Reoriented(Scan scan, bool flipX, bool flipY)
    {
        var (min, max) = WorldBox(scan);
        var origin = new Vector3D(flipX ? max.X : min.X, flipY ? max.Y : min.Y, scan.Origin.Z);
        var direction = Direction.FromColumns([flipX ? -1 : 1, 0, 0, 0, flipY ? -1 : 1, 0, 0, 0, 1]);
        return new Scan(scan.SeriesUid, scan.Size, scan.Spacing, origin, direction, new short[scan.Size.VoxelCount]);
    }

    /// <summary>World (x, y, z) mm of the lowest and highest voxel centres of the scan.</summary>
    public static (Vector3D Min, Vector3D Max) WorldBox(Scan scan)
    {
        var a = scan.IndexToWorld(new IndexZyx(0, 0, 0));
        var b = scan.IndexToWorld(new IndexZyx(scan.Size.Z - 1, scan.Size.Y - 1, scan.Size.X - 1));
        return (
            new Vector3D(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Min(a.Z, b.Z)),
            new Vector3D(Math.Max(a.X, b.X), Math.Max(a.Y, b.Y), Math.Max(a.Z, b.Z)));
    }

    private static (VolumeSize Size, Vector3D Spacing) SmallGrid(Random random)
    {
        // 320 voxels of 1.0–1.1 mm cover a chest (320–352 mm), just coarser than LUNA16's coarsest in-plane
        // spacing (0.98 mm); a 40-voxel cube spans 40–44 mm, so a 4 mm nodule is four voxels wide. At 1.25–1.4 mm
        // it was three, and a 3D network told small nodules from vessels cut across far worse. Slices keep
        // LUNA16's thickness (at most 2.5 mm): thicker ones flatten a small nodule into one slice, where it looks
        // like a vessel cut across. The 72–96 slices cover 108–240 mm; the anatomy shortens its lungs to fit.
        var inPlane = Math.Round(random.Uniform(1.0, 1.1), 4);
        double[] steps = [1.5, 2.0, 2.5];
        var sliceStep = steps[random.Next(steps.Length)];
        var slices = random.Next(72, 97);
        return (new VolumeSize(320, 320, slices), new Vector3D(inPlane, inPlane, sliceStep));
    }

    private static (VolumeSize Size, Vector3D Spacing) RealisticGrid(Random random)
    {
        var inPlane = Math.Round(random.Uniform(0.5, 0.98), 6);
        double[] steps = [0.625, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5];
        var sliceStep = steps[random.Next(steps.Length)];
        var coverageMm = random.Uniform(280, 360); // lungs plus margins above and below
        var slices = (int)Math.Round(coverageMm / sliceStep);
        return (new VolumeSize(512, 512, slices), new Vector3D(inPlane, inPlane, sliceStep));
    }

    private static (bool X, bool Y) DrawFlips(Random random)
    {
        if (random.NextDouble() >= FlippedFraction)
        {
            return (false, false);
        }

        return random.Next(3) switch
        {
            0 => (true, false),
            1 => (false, true),
            _ => (true, true),
        };
    }
}
