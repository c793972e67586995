using LunaFpr.Imaging;

namespace LunaFpr.Benchmarks.Patches;

/// <summary>The real LIDC-IDRI-0001 scan beside the repository (<c>shared/data</c>), for comparisons.</summary>
internal static class RealScan
{
    public const string SeriesUid = SharedData.RealSeriesUid;

    /// <summary>World centre (x, y, z) mm and diameter of its annotated nodule.</summary>
    public static readonly Vector3D NoduleCentreMm = new(56.20840547, 86.34341278, -115.8675792);

    public const double NoduleDiameterMm = 23.35064438;

    /// <summary>The <c>.mhd</c> file in <c>shared/data</c>.</summary>
    public static string MhdPath => SharedData.RealScanMhd;

    /// <summary>Voxel centres (z, y, x) spread uniformly over the scan and 15 voxels past each face, seeded.</summary>
    public static IndexZyx[] RandomCentres(Scan scan, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => new IndexZyx(
                random.Next(-15, scan.Size.Z + 15),
                random.Next(-15, scan.Size.Y + 15),
                random.Next(-15, scan.Size.X + 15)))
            .ToArray();
    }
}
