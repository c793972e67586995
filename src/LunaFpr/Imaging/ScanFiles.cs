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
    /// UID is the file name without extension.
    /// </summary>
    /// <param name="path">A .mhd or .mha file.</param>
    /// <param name="logger">Receives debug lines on what was read; none by default.</param>
    /// <exception cref="NotSupportedException">The path is a folder (DICOM series) or another format.</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file, key and fix.</exception>
    public static Scan Read(string path, ILogger? logger = null)
    {
        // TODO: a folder is where a DICOM series will be read from; until then only MetaImage files are read.
        if (Directory.Exists(path))
        {
            throw new NotSupportedException(
                $"{path} is a folder; LunaFpr reads scans from MetaImage files (.mhd, .mha) only. " +
                "Give the path of a .mhd or .mha file.");
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

        throw new NotSupportedException(
            $"{path}: '{extension}' is not a scan format LunaFpr reads; give a MetaImage .mhd or .mha file.");
    }
}
