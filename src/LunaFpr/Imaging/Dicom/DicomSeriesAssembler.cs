using Microsoft.Extensions.Logging;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// Turns the files of one series into a <see cref="Scan"/>: check every header, order and place the slices,
/// then read each slice's pixels (in parallel) straight into its plane of the volume as HU.
/// </summary>
internal static class DicomSeriesAssembler
{
    /// <summary>Builds the scan of series <paramref name="seriesUid"/> from its files' headers.</summary>
    /// <exception cref="NotSupportedException">A file is not CT, is compressed, or is multi-frame.</exception>
    /// <exception cref="InvalidDataException">A file is malformed or the slices do not form one volume.</exception>
    public static Scan Assemble(
        string seriesUid,
        IReadOnlyList<DicomDataset> files,
        DicomReadOptions options,
        ILogger logger)
    {
        // Headers first: a bad file anywhere fails before any pixel is read.
        var slices = files.Select(DicomSlice.FromDataset).ToList();
        var geometry = DicomSeriesGeometry.Build(seriesUid, slices, options, logger);

        var size = geometry.Size;
        var planeVoxels = size.X * size.Y;
        if (size.VoxelCount > Array.MaxLength)
        {
            throw new NotSupportedException(
                $"Series {seriesUid} has {size} = {size.VoxelCount} voxels, more than one array holds.");
        }

        // Every plane is overwritten below, so the array need not be zeroed first.
        var voxels = GC.AllocateUninitializedArray<short>((int)size.VoxelCount);
        DicomParallel.For(geometry.Slices.Count, options.MaxParallelism, z =>
            DicomPixelDecoder.ReadHu(geometry.Slices[z], voxels.AsSpan(z * planeVoxels, planeVoxels)));

        logger.LogInformation(
            "Read series {SeriesUid}: {Size} voxels, spacing {Spacing} mm, origin {Origin} mm",
            seriesUid, size, geometry.Spacing, geometry.Origin);
        return new Scan(seriesUid, size, geometry.Spacing, geometry.Origin, geometry.Direction, voxels);
    }
}
