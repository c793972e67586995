using LunaFpr.Imaging.Dicom;
using LunaFpr.Imaging.MetaImage;
using Microsoft.Extensions.Logging;

namespace LunaFpr.Imaging;

/// <summary>
/// The one entry point for reading a CT scan from disk, whatever its format; commands that take a scan call
/// <see cref="Read"/>.
/// </summary>
public static class ScanFiles
{
    /// <summary>
    /// Reads a scan in HU, voxels (z, y, x). A <c>.mhd</c> or <c>.mha</c> file is read as MetaImage; its series
    /// UID is the file name without extension. A folder is read as a DICOM series
    /// (<see cref="DicomSeriesReader"/>), which must be the folder's only series; its UID is SeriesInstanceUID.
    /// </summary>
    /// <param name="path">A .mhd or .mha file, or a folder of DICOM files.</param>
    /// <param name="logger">
    /// Receives debug lines on what was read, and warnings on skipped files; none by default.
    /// </param>
    /// <exception cref="NotSupportedException">Another format, or a DICOM variant LunaFpr does not read.</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is malformed; the message names the file, key and fix.
    /// </exception>
    /// <exception cref="ArgumentException">The folder holds several DICOM series.</exception>
    public static Scan Read(string path, ILogger? logger = null)
    {
        if (Directory.Exists(path))
        {
            return DicomSeriesReader.Read(path, logger: logger);
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".mhd" or ".mha")
        {
            return MetaImageReader.ReadScan(path, logger);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such scan file; check the path.", path);
        }

        throw new NotSupportedException(extension == ".dcm"
            ? $"{path}: give the folder that holds the DICOM series, not one of its files."
            : $"{path}: '{extension}' is not a scan format LunaFpr reads; give a MetaImage .mhd or .mha file, " +
              "or a folder of DICOM files.");
    }
}
