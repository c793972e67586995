using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// A structure that can be painted on a <see cref="PhantomCanvas"/>: at a world point it says how much of the
/// voxel it covers (0–1, partial volume) and its HU there.
/// </summary>
internal interface IBrush
{
    /// <summary>Coverage in [0, 1] and tissue HU at world (x, y, z) mm; false when the point is untouched.</summary>
    bool Sample(Vector3D worldMm, out double coverage, out double hu);
}

/// <summary>
/// The HU field of a scan being rendered, float per voxel in the scan's (z, y, x) order, with the scan as its
/// geometry. Structures are painted over the anatomy by "brighter wins" blending, max(v, v + c·(hu − v)), so
/// vessels, bones and nodules (all denser than lung) compose in any order and overlaps stay smooth.
/// </summary>
internal sealed class PhantomCanvas
{
    public PhantomCanvas(Scan scan)
    {
        Scan = scan;
        Hu = new float[scan.Size.VoxelCount];
        RampMm = Math.Min(scan.Spacing.X, scan.Spacing.Y);
    }

    public Scan Scan { get; }

    /// <summary>HU in (z, y, x) order, x fastest.</summary>
    public float[] Hu { get; }

    /// <summary>Width (mm) of the partial-volume ramp across an edge: one in-plane voxel.</summary>
    public double RampMm { get; }

    /// <summary>Partial-volume coverage of a voxel whose centre lies <paramref name="signedDistanceMm"/> from an
    /// edge (negative inside): 1 deep inside, 0 outside, linear over one voxel.</summary>
    public double Coverage(double signedDistanceMm) => Math.Clamp(0.5 - signedDistanceMm / RampMm, 0, 1);

    /// <summary>
    /// Coverage of a thin structure of radius <paramref name="radiusMm"/>: narrower than a voxel, it fills only
    /// part of it, so its peak fades (2r / voxel) instead of staying at full tissue HU.
    /// </summary>
    public double ThinCoverage(double signedDistanceMm, double radiusMm) =>
        Coverage(signedDistanceMm) * Math.Min(1, 2 * radiusMm / RampMm);

    /// <summary>Paints <paramref name="brush"/> on every voxel whose centre lies in the world box
    /// [<paramref name="minMm"/>, <paramref name="maxMm"/>] (x, y, z mm).</summary>
    public void Paint<TBrush>(Vector3D minMm, Vector3D maxMm, TBrush brush) where TBrush : IBrush
    {
        if (!TryIndexBox(minMm, maxMm, out var lo, out var hi))
        {
            return;
        }

        var size = Scan.Size;
        for (var z = lo.Z; z <= hi.Z; z++)
        {
            for (var y = lo.Y; y <= hi.Y; y++)
            {
                var row = ((long)z * size.Y + y) * size.X;
                for (var x = lo.X; x <= hi.X; x++)
                {
                    if (!brush.Sample(Scan.IndexToWorld(new IndexZyx(z, y, x)), out var c, out var hu) || c <= 0)
                    {
                        continue;
                    }

                    var v = Hu[row + x];
                    Hu[row + x] = Math.Max(v, (float)(v + c * (hu - v)));
                }
            }
        }
    }

    /// <summary>Inclusive index box of the voxels whose centres can fall in a world box; false if none.</summary>
    private bool TryIndexBox(Vector3D minMm, Vector3D maxMm, out IndexZyx lo, out IndexZyx hi)
    {
        double x0 = double.MaxValue, y0 = double.MaxValue, z0 = double.MaxValue;
        double x1 = double.MinValue, y1 = double.MinValue, z1 = double.MinValue;
        for (var corner = 0; corner < 8; corner++)
        {
            var world = new Vector3D(
                (corner & 1) == 0 ? minMm.X : maxMm.X,
                (corner & 2) == 0 ? minMm.Y : maxMm.Y,
                (corner & 4) == 0 ? minMm.Z : maxMm.Z);
            var c = Scan.WorldToContinuousIndex(world);
            (x0, x1) = (Math.Min(x0, c.X), Math.Max(x1, c.X));
            (y0, y1) = (Math.Min(y0, c.Y), Math.Max(y1, c.Y));
            (z0, z1) = (Math.Min(z0, c.Z), Math.Max(z1, c.Z));
        }

        var size = Scan.Size;
        lo = new IndexZyx(
            Math.Max(0, (int)Math.Ceiling(z0)), Math.Max(0, (int)Math.Ceiling(y0)), Math.Max(0, (int)Math.Ceiling(x0)));
        hi = new IndexZyx(Math.Min(size.Z - 1, (int)Math.Floor(z1)), Math.Min(size.Y - 1, (int)Math.Floor(y1)),
            Math.Min(size.X - 1, (int)Math.Floor(x1)));
        return lo.Z <= hi.Z && lo.Y <= hi.Y && lo.X <= hi.X;
    }
}
