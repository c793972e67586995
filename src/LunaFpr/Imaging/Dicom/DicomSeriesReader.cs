using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// Reads CT scans from folders of DICOM files, as LIDC-IDRI and hospitals hand them out.
/// </summary>
/// <remarks>
/// Supported: one image per file, CT, native pixel data in Explicit VR Little Endian, Implicit VR Little
/// Endian or Explicit VR Big Endian, 8- or 16-bit samples, signed or unsigned, BitsStored below BitsAllocated,
/// RescaleSlope and RescaleIntercept. Not supported (<see cref="NotSupportedException"/> naming the file):
/// compressed syntaxes (JPEG, JPEG-LS, JPEG 2000, RLE, deflate), other modalities, multi-frame files.
/// The parsing is LunaFpr's own (<see cref="DicomElementParser"/>); no DICOM library is served here.
/// </remarks>
public static class DicomSeriesReader
{
    /// <summary>
    /// The series in <paramref name="directory"/> with their UIDs and slice counts; no pixel is read.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="InvalidDataException">
    /// No DICOM series in it, or a truncated or malformed DICOM file.
    /// </exception>
    public static IReadOnlyList<DicomSeriesSummary> ListSeries(string directory, ILogger? logger = null) =>
        DicomSeriesIndex.Load(directory, logger).Series;

    /// <summary>
    /// Reads one series of <paramref name="directory"/> as a scan: voxels in (z, y, x) order with x = DICOM column,
    /// y = row, and z increasing along the slice normal; HU as int16; geometry in DICOM's LPS millimetres
    /// (Origin = ImagePositionPatient of slice 0), as LUNA16's MetaImages hold it.
    /// </summary>
    /// <param name="directory">A folder of DICOM files; other files in it are skipped with a warning.</param>
    /// <param name="seriesUid">The SeriesInstanceUID to read; may be null when the folder holds one series.</param>
    /// <param name="options">Default: <see cref="DicomReadOptions.Default"/>.</param>
    /// <param name="logger">Receives warnings on skipped files and odd geometry.</param>
    /// <exception cref="ArgumentException">
    /// The series is not there, or none was named and there are several.
    /// </exception>
    /// <exception cref="NotSupportedException">Compressed, non-CT or multi-frame files.</exception>
    /// <exception cref="InvalidDataException">
    /// Malformed or truncated files, or slices that do not form a volume.
    /// </exception>
    public static Scan Read(
        string directory,
        string? seriesUid = null,
        DicomReadOptions? options = null,
        ILogger? logger = null)
    {
        options ??= DicomReadOptions.Default;
        logger ??= NullLogger.Instance;
        var index = DicomSeriesIndex.Load(directory, logger, options.MaxParallelism);
        var chosen = index.Choose(seriesUid);
        return DicomSeriesAssembler.Assemble(chosen, index.FilesOf(chosen), options, logger);
    }
}
