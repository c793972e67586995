using System.Runtime.CompilerServices;
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
/// (z, y) row of the part inside the scan; only cubes that cross a face are filled first. Memory, not copying,
/// bounds the speed: the rows of a cube are scattered over megabytes of scan, so they are prefetched.
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
    /// <param name="scan">The scan to cut from.</param>
    /// <param name="centerZyx">Voxel index (z, y, x) of the cube's centre, cube index (Z/2, Y/2, X/2).</param>
    /// <param name="shape">Cube size (z, y, x), e.g. 26 × 40 × 40.</param>
    /// <param name="destination">Receives the cube as int16 HU; at least Z × Y × X values.</param>
    /// <param name="prefetchNext">
    /// The centre of the cube to be cut next, if known: its rows are then loaded into the CPU cache while this
    /// cube is copied, one row per row copied; cubes from a scan larger than the cache then cut up to twice as fast.
    /// </param>
    public static void Extract(
        Scan scan,
        IndexZyx centerZyx,
        CubeShape shape,
        Span<short> destination,
        IndexZyx? prefetchNext = null) =>
        Extract(scan.Voxels, scan.Size, centerZyx, shape, destination, prefetchNext);

    /// <summary>
    /// As <see cref="Extract(Scan, IndexZyx, CubeShape, Span{short}, IndexZyx?)"/> over bare voxels in (z, y, x)
    /// order of a volume of <paramref name="size"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // fully optimised from the first cube, not after tiering
    public static unsafe void Extract(
        ReadOnlySpan<short> voxels,
        VolumeSize size,
        IndexZyx centerZyx,
        CubeShape shape,
        Span<short> destination,
        IndexZyx? prefetchNext = null)
    {
        CheckLengths(voxels.Length, size, shape, destination.Length);
        var rows = RowBlock.Of(centerZyx, shape, size);
        var next = prefetchNext is { } n ? RowBlock.Of(n, shape, size) : default;
        var cube = destination[..shape.VoxelCount];
        if (!rows.IsWhole)
        {
            cube.Fill(OutsideHu);
        }

        fixed (short* scanStart = voxels)
        fixed (short* cubeStart = cube)
        {
            if (prefetchNext is null)
            {
                rows.PrefetchAll(scanStart, size); // overlap this cube's own loads at least
            }

            var nextCursor = new RowCursor(next);
            var rowLength = rows.X.Count;
            var slices = rows.IsEmpty ? 0 : rows.Z.Count;
            for (var dz = 0; dz < slices; dz++)
            {
                var target = cubeStart + ((rows.Z.CubeStart + dz) * shape.Y + rows.Y.CubeStart) * shape.X
                    + rows.X.CubeStart;
                var source = scanStart + rows.SourceOffset(size, dz, 0);
                for (var dy = 0; dy < rows.Y.Count; dy++)
                {
                    nextCursor.PrefetchOne(scanStart, size);
                    new ReadOnlySpan<short>(source, rowLength).CopyTo(new Span<short>(target, rowLength));
                    source += size.X;
                    target += shape.X;
                }
            }

            while (nextCursor.PrefetchOne(scanStart, size))
            {
            }
        }
    }

    private static void CheckLengths(int voxels, VolumeSize size, CubeShape shape, int destination)
    {
        if (destination < shape.VoxelCount)
        {
            throw new ArgumentException(
                $"Destination holds {destination} values; a {shape} cube needs {shape.VoxelCount}.",
                nameof(destination));
        }

        if (voxels != size.VoxelCount)
        {
            throw new ArgumentException($"Volume of size {size} needs {size.VoxelCount} voxels, got {voxels}.");
        }
    }

    /// <summary>The scan rows (runs along x) of one cube that lie inside the scan.</summary>
    private readonly record struct RowBlock(AxisRange Z, AxisRange Y, AxisRange X)
    {
        public static RowBlock Of(IndexZyx center, CubeShape shape, VolumeSize size) => new(
            AxisRange.Of(center.Z, shape.Z, size.Z),
            AxisRange.Of(center.Y, shape.Y, size.Y),
            AxisRange.Of(center.X, shape.X, size.X));

        public bool IsWhole => Z.IsWhole && Y.IsWhole && X.IsWhole;

        /// <summary>True when the cube misses the scan, and for the default block (nothing to prefetch).</summary>
        public bool IsEmpty => Z.Count <= 0 || Y.Count <= 0 || X.Count <= 0;

        public long SourceOffset(VolumeSize size, int dz, int dy) =>
            ((long)(Z.SourceStart + dz) * size.Y + Y.SourceStart + dy) * size.X + X.SourceStart;

        public unsafe void PrefetchAll(short* scanStart, VolumeSize size)
        {
            var cursor = new RowCursor(this);
            while (cursor.PrefetchOne(scanStart, size))
            {
            }
        }
    }

    /// <summary>
    /// Walks the rows of a <see cref="RowBlock"/> and asks the CPU to start loading each without waiting. Rows lie
    /// a row or a slice apart, too far for the hardware prefetcher, so without this each would wait for memory.
    /// </summary>
    private struct RowCursor(RowBlock block)
    {
        private int dz;
        private int dy;

        /// <summary>Prefetches the next row; false when no rows are left.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public unsafe bool PrefetchOne(short* scanStart, VolumeSize size)
        {
            if (block.IsEmpty || dz >= block.Z.Count || !System.Runtime.Intrinsics.X86.Sse.IsSupported)
            {
                return false;
            }

            // Every 64-byte line the row touches: a 40-voxel row (80 bytes) spans two lines, or three.
            var start = (byte*)(scanStart + block.SourceOffset(size, dz, dy));
            var lastByte = block.X.Count * sizeof(short) - 1;
            for (var offset = 0; offset < lastByte; offset += 64)
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(start + offset);
            }

            System.Runtime.Intrinsics.X86.Sse.Prefetch0(start + lastByte);
            if (++dy == block.Y.Count)
            {
                dy = 0;
                dz++;
            }

            return true;
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
