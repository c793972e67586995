using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Imaging.MetaImage;

/// <summary>
/// Reads 3D MetaImage files: <c>.mhd</c> with a separate data file, or <c>.mha</c> with
/// <c>ElementDataFile = LOCAL</c>; raw or zlib data (<c>CompressedData = True</c>); the eight element types of
/// <see cref="MetaImageElementType"/>; either byte order; <c>HeaderSize</c> including −1.
/// </summary>
/// <remarks>
/// Every problem with the input throws <see cref="InvalidDataException"/> (or <see cref="FileNotFoundException"/>,
/// <see cref="NotSupportedException"/> for a valid variant LunaFpr does not read) naming the file, the key or byte
/// count, and the fix; nothing is returned half-read.
/// </remarks>
public static class MetaImageReader
{
    /// <summary>Reads only the header of <paramref name="path"/>.</summary>
    public static MetaImageHeader ReadHeader(string path) => ReadHeaderText(path).Header;

    /// <summary>Reads a volume with its voxels in the file's own element type, (z, y, x) order.</summary>
    /// <param name="path">A .mhd or .mha file.</param>
    /// <param name="logger">Receives one debug line with the size and timing; none by default.</param>
    public static MetaImageVolume Read(string path, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var clock = Stopwatch.StartNew();
        var (header, textLength) = ReadHeaderText(path);

        var volume = MetaImageVolume.Allocate(header);
        MetaImageDataReader.Read(path, header, textLength, volume);

        logger.LogDebug(
            "Read {Path}: {Size} voxels of {Type}{Compressed} in {Ms} ms",
            path,
            header.Size,
            header.ElementType.ToMetaName(),
            header.Compressed ? ", zlib" : "",
            clock.ElapsedMilliseconds);
        return volume;
    }

    /// <summary>
    /// Reads a CT scan in HU. Its series UID is the file name without extension, as in LUNA16. Voxels of other
    /// element types than MET_SHORT are converted to int16: integers must fit, floats are rounded to the
    /// nearest integer (halves to even).
    /// </summary>
    /// <param name="path">A .mhd or .mha file.</param>
    /// <param name="logger">Receives one debug line with the size and timing; none by default.</param>
    /// <exception cref="InvalidDataException">The file is malformed, or a voxel does not fit in int16 HU.</exception>
    public static Scan ReadScan(string path, ILogger? logger = null)
    {
        var volume = Read(path, logger);
        var voxels = HounsfieldConversion.ToHounsfield(volume, path);
        var seriesUid = Path.GetFileNameWithoutExtension(path);
        return new Scan(seriesUid, volume.Size, volume.Spacing, volume.Origin, volume.Direction, voxels);
    }

    private static (MetaImageHeader Header, long TextLength) ReadHeaderText(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such MetaImage file; check the path.", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        return MetaImageHeaderParser.Read(stream, path);
    }
}
