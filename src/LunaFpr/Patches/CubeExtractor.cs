using LunaFpr.Imaging;

namespace LunaFpr.Patches;

/// <summary>
/// Cuts cubes of int16 HU around voxel centres (SPEC §2.3). Along each axis the cube covers indices
/// [centre − size/2, centre + (size+1)/2) with integer division, so a 26 × 40 × 40 cube around (z, y, x) spans
/// z − 13 … z + 12, y − 20 … y + 19, x − 20 … x + 19 and holds the centre at cube index (13, 20, 20).
/// Voxels outside the scan take <see cref="OutsideHu"/>, at their own offset on every face.
/// </summary>
/// <remarks>
/// Rows along x are contiguous in both the scan and the cube, so the cut is one <see cref="Span{T}.CopyTo"/> per
/// (z, y) row of the part inside the scan; only cubes that cross a face are filled first.
/// </remarks>
public static class CubeExtractor
{
    /// <summary>
    /// HU given to voxels outside the scan: −1000, air. It is the lower edge of the lung window, so outside
    /// voxels read as exactly 0 in the default lung channel (and in the mediastinal one), as the original's
    /// zero-fill after normalisation did; and it is what really surrounds a patient, so a network never sees an
    /// edge that no scan has. Padding values such as −2000 or −3024 that some scans hold also window to 0.
    /// </summary>
    public const short OutsideHu = -1000;

    /// <summary>
    /// Copies the cube of <paramref name="shape"/> (z, y, x) around <paramref name="centerZyx"/> from
    /// <paramref name="scan"/> into <paramref name="destination"/> (length <see cref="CubeShape.VoxelCount"/>,
    /// (z, y, x) order, x fastest). The centre may lie anywhere, also outside the scan.
    /// </summary>
    public static void Extract(Scan scan, IndexZyx centerZyx, CubeShape shape, Span<short> destination) =>
        Extract(scan.Voxels, scan.Size, centerZyx, shape, destination);

    /// <summary>
    /// Starts loading the scan rows of the cube around <paramref name="centerZyx"/> into the CPU cache without
    /// waiting for them. Call it for the next cube before cutting the current one: the two overlap, and cutting
    /// many cubes from a scan larger than the cache runs several times faster.
    /// </summary>
    public static void Prefetch(Scan scan, IndexZyx centerZyx, CubeShape shape) =>
        PrefetchRows(scan.Voxels, scan.Size,
            AxisRange.Of(centerZyx.Z, shape.Z, scan.Size.Z),
            AxisRange.Of(centerZyx.Y, shape.Y, scan.Size.Y),
            AxisRange.Of(centerZyx.X, shape.X, scan.Size.X));

    /// <summary>
    /// As <see cref="Extract(Scan, IndexZyx, CubeShape, Span{short})"/> over bare voxels in (z, y, x) order of a
    /// volume of <paramref name="size"/>.
    /// </summary>
    public static void Extract(
        ReadOnlySpan<short> voxels,
        VolumeSize size,
        IndexZyx centerZyx,
        CubeShape shape,
        Span<short> destination)
    {
        if (destination.Length < shape.VoxelCount)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length} values; a {shape} cube needs {shape.VoxelCount}.",
                nameof(destination));
        }

        if (voxels.Length != size.VoxelCount)
        {
            throw new ArgumentException($"Volume of size {size} needs {size.VoxelCount} voxels, got {voxels.Length}.");
        }

        var z = AxisRange.Of(centerZyx.Z, shape.Z, size.Z);
        var y = AxisRange.Of(centerZyx.Y, shape.Y, size.Y);
        var x = AxisRange.Of(centerZyx.X, shape.X, size.X);
        var cube = destination[..shape.VoxelCount];
        if (!(z.IsWhole && y.IsWhole && x.IsWhole))
        {
            cube.Fill(OutsideHu);
        }

        if (z.Count <= 0 || y.Count <= 0 || x.Count <= 0)
        {
            return;
        }

        PrefetchRows(voxels, size, z, y, x);
        for (var dz = 0; dz < z.Count; dz++)
        {
            var sourceSlice = (long)(z.SourceStart + dz) * size.Y;
            var cubeSlice = (z.CubeStart + dz) * shape.Y;
            for (var dy = 0; dy < y.Count; dy++)
            {
                var source = (int)((sourceSlice + y.SourceStart + dy) * size.X + x.SourceStart);
                var target = (cubeSlice + y.CubeStart + dy) * shape.X + x.CubeStart;
                voxels.Slice(source, x.Count).CopyTo(cube.Slice(target, x.Count));
            }
        }
    }

    /// <summary>
    /// Asks the CPU to start loading every source row at once. The rows of a cube lie a row or a slice apart, too
    /// far for the hardware prefetcher, so without this each row waits for memory in turn; with it the loads
    /// overlap and the copy loop finds most rows in cache.
    /// </summary>
    private static unsafe void PrefetchRows(ReadOnlySpan<short> voxels, VolumeSize size, AxisRange z, AxisRange y,
        AxisRange x)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported || z.Count <= 0 || y.Count <= 0 || x.Count <= 0)
        {
            return;
        }

        fixed (short* start = voxels)
        {
            var rowBytes = x.Count * sizeof(short) - 1;
            for (var dz = 0; dz < z.Count; dz++)
            {
                var sourceSlice = (long)(z.SourceStart + dz) * size.Y;
                for (var dy = 0; dy < y.Count; dy++)
                {
                    var row = (byte*)(start + (sourceSlice + y.SourceStart + dy) * size.X + x.SourceStart);
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(row);
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(row + rowBytes);
                }
            }
        }
    }

    /// <summary>The part of one axis of a cube that lies inside the scan, in scan and cube indices.</summary>
    private readonly record struct AxisRange(int SourceStart, int CubeStart, int Count, bool IsWhole)
    {
        public static AxisRange Of(int center, int cubeSize, int scanSize)
        {
            var first = center - cubeSize / 2;
            var end = center + (cubeSize + 1) / 2;
            var sourceStart = Math.Max(first, 0);
            var sourceEnd = Math.Min(end, scanSize);
            return new AxisRange(sourceStart, sourceStart - first, sourceEnd - sourceStart,
                first >= 0 && end <= scanSize);
        }
    }
}
