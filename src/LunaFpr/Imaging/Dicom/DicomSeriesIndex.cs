using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// The series in one folder: every file's header read (in parallel, pixel data left on disk) and grouped by
/// SeriesInstanceUID. Files that are not DICOM (the LIDC readers' XML, a README) are skipped with a warning.
/// </summary>
/// <remarks>Only the folder's own files are read, not its subfolders.</remarks>
public sealed class DicomSeriesIndex
{
    private static readonly HashSet<DicomTag> HeaderTags =
    [
        DicomTag.SopClassUid, DicomTag.Modality, DicomTag.SeriesDescription, DicomTag.SliceThickness,
        DicomTag.SeriesInstanceUid, DicomTag.InstanceNumber, DicomTag.ImagePositionPatient,
        DicomTag.ImageOrientationPatient, DicomTag.SamplesPerPixel, DicomTag.PhotometricInterpretation,
        DicomTag.NumberOfFrames, DicomTag.Rows, DicomTag.Columns, DicomTag.PixelSpacing, DicomTag.BitsAllocated,
        DicomTag.BitsStored, DicomTag.HighBit, DicomTag.PixelRepresentation, DicomTag.RescaleIntercept,
        DicomTag.RescaleSlope,
    ];

    private readonly Dictionary<string, IReadOnlyList<DicomDataset>> filesBySeries;

    private DicomSeriesIndex(string directory, Dictionary<string, IReadOnlyList<DicomDataset>> filesBySeries)
    {
        Directory = directory;
        this.filesBySeries = filesBySeries;
        Series = filesBySeries
            .Select(pair => Summarise(pair.Key, pair.Value))
            .OrderBy(s => s.SeriesUid, StringComparer.Ordinal)
            .ToList();
    }

    public string Directory { get; }

    /// <summary>The series found, ordered by UID.</summary>
    public IReadOnlyList<DicomSeriesSummary> Series { get; }

    /// <summary>Reads the header of every file in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="InvalidDataException">
    /// No DICOM file in it, or a DICOM file is truncated or malformed.
    /// </exception>
    public static DicomSeriesIndex Load(string directory, ILogger? logger = null, int? maxParallelism = null)
    {
        logger ??= NullLogger.Instance;
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"DICOM folder {directory} does not exist.");
        }

        var paths = System.IO.Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToArray();
        var headers = new DicomDataset?[paths.Length];
        DicomParallel.For(paths.Length, maxParallelism ?? Environment.ProcessorCount,
            i => headers[i] = DicomElementParser.ReadHeader(paths[i], HeaderTags));

        var bySeries = GroupBySeries(paths, headers, directory, logger);
        if (bySeries.Count == 0)
        {
            throw new InvalidDataException(
                $"DICOM folder {directory} holds no DICOM image series ({paths.Length} files, none of them DICOM " +
                "images). Point to the folder that holds the .dcm files of one series, or to a MetaImage's " +
                ".mhd file.");
        }

        logger.LogInformation("Indexed {Directory}: {Series} series in {Files} files", directory, bySeries.Count,
            paths.Length);
        return new DicomSeriesIndex(
            directory,
            bySeries.ToDictionary(p => p.Key, p => (IReadOnlyList<DicomDataset>)p.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// The series to read: <paramref name="seriesUid"/> when given, else the folder's only series.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The UID is not in the folder, or none was given and there are several.
    /// </exception>
    public string Choose(string? seriesUid)
    {
        var listing = string.Join("; ", Series);
        if (seriesUid is not null)
        {
            return filesBySeries.ContainsKey(seriesUid)
                ? seriesUid
                : throw new ArgumentException(
                    $"Series {seriesUid} is not in {Directory}; it holds: {listing}.");
        }

        return Series.Count == 1
            ? Series[0].SeriesUid
            : throw new ArgumentException(
                $"{Directory} holds {Series.Count} series; choose one by its SeriesInstanceUID " +
                $"(lunafpr convert --series UID): {listing}.");
    }

    /// <summary>The headers of one series' files, in file-name order.</summary>
    public IReadOnlyList<DicomDataset> FilesOf(string seriesUid) => filesBySeries[seriesUid];

    /// <summary>
    /// Headers by SeriesInstanceUID in file-name order; files without one are skipped with a warning.
    /// </summary>
    private static Dictionary<string, List<DicomDataset>> GroupBySeries(
        string[] paths,
        DicomDataset?[] headers,
        string directory,
        ILogger logger)
    {
        var bySeries = new Dictionary<string, List<DicomDataset>>(StringComparer.Ordinal);
        for (var i = 0; i < paths.Length; i++)
        {
            if (headers[i] is not { } header)
            {
                logger.LogWarning("Skipping {File} in {Directory}: not a DICOM file", Path.GetFileName(paths[i]),
                    directory);
            }
            else if (header.GetString(DicomTag.SeriesInstanceUid) is not { } uid)
            {
                logger.LogWarning("Skipping {File} in {Directory}: DICOM without a SeriesInstanceUID (a DICOMDIR?)",
                    Path.GetFileName(paths[i]), directory);
            }
            else if (bySeries.TryGetValue(uid, out var files))
            {
                files.Add(header);
            }
            else
            {
                bySeries[uid] = [header];
            }
        }

        return bySeries;
    }

    private static DicomSeriesSummary Summarise(string uid, IReadOnlyList<DicomDataset> files) => new(
        uid,
        files[0].GetString(DicomTag.Modality),
        files[0].GetString(DicomTag.SeriesDescription),
        files.Count,
        files[0].Syntax.Name);
}
