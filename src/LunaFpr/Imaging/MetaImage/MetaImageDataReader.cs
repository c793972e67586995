using System.IO.Compression;
using Microsoft.Win32.SafeHandles;

namespace LunaFpr.Imaging.MetaImage;

/// <summary>
/// Locates and reads the voxel bytes a <see cref="MetaImageHeader"/> describes, checking that the data holds
/// exactly DimSize × element size bytes. Raw data is one bulk positional read into the voxel array, so reading
/// is bound by the disk; zlib data is inflated straight into the array and never past its end.
/// </summary>
internal static class MetaImageDataReader
{
    /// <summary>
    /// Fills <paramref name="volume"/>'s voxels from the data the header names, in this machine's byte order.
    /// </summary>
    /// <param name="headerPath">The .mhd / .mha file.</param>
    /// <param name="header">Its parsed header.</param>
    /// <param name="headerTextLength">Bytes of header text, where LOCAL data begins.</param>
    /// <param name="volume">Destination, of the header's size and element type.</param>
    public static void Read(string headerPath, MetaImageHeader header, long headerTextLength, MetaImageVolume volume)
    {
        var dataPath = header.IsLocal ? headerPath : ResolveDataFile(headerPath, header.ElementDataFile);
        var dataStart = header.IsLocal ? headerTextLength : 0;
        using (var handle = File.OpenHandle(dataPath, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            var length = RandomAccess.GetLength(handle);
            if (header.Compressed)
            {
                var (start, _) = Locate(dataPath, header, dataStart, length, CompressedByteCount(dataPath, header));
                Inflate(dataPath, header, handle, start, volume.VoxelBytes);
            }
            else
            {
                var (start, _) = Locate(dataPath, header, dataStart, length, header.DataByteCount);
                ReadExactly(dataPath, handle, start, volume.VoxelBytes);
            }
        }

        if (VoxelByteOrder.NeedsSwap(header.BigEndian, header.ElementType))
        {
            VoxelByteOrder.Reverse(volume.VoxelBytes, header.ElementType.SizeInBytes());
        }
    }

    /// <summary>
    /// Full path of the data file named by <c>ElementDataFile</c>, which must lie in the header's folder or below:
    /// a header from elsewhere must not make LunaFpr read arbitrary files.
    /// </summary>
    public static string ResolveDataFile(string headerPath, string dataFile)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(headerPath))!;
        var full = Path.GetFullPath(Path.Combine(folder, dataFile));
        var folderWithSeparator = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(dataFile) || !full.StartsWith(folderWithSeparator, StringComparison.Ordinal))
        {
            throw MetaImageHeaderParser.Invalid(headerPath, $"ElementDataFile = {dataFile} points outside the " +
                "header's folder; LunaFpr reads data files only beside the header or below it. Put the data " +
                "file next to the header and name it without a folder or '..'.");
        }

        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"{headerPath}: ElementDataFile = {dataFile}, but {full} does not " +
                "exist; copy the data file beside the header or fix ElementDataFile.", full);
        }

        return full;
    }

    /// <summary>Bytes of zlib data: CompressedDataSize when given, otherwise unknown (−1, all the rest).</summary>
    private static long CompressedByteCount(string dataPath, MetaImageHeader header)
    {
        if (header.CompressedDataSize is { } size)
        {
            return size;
        }

        return header.HeaderSize == -1
            ? throw new InvalidDataException($"{dataPath}: HeaderSize = -1 (data at the end of the file) with " +
                "CompressedData = True needs CompressedDataSize to find where the data begins; add " +
                "'CompressedDataSize = <bytes>' to the header.")
            : -1;
    }

    /// <summary>
    /// Start and length of the data region: after <c>HeaderSize</c> bytes, or the last <paramref name="count"/>
    /// bytes for HeaderSize −1. Throws unless the region holds exactly <paramref name="count"/> bytes; a count
    /// of −1 (zlib data of unknown size) takes the rest of the file.
    /// </summary>
    private static (long Start, long Count) Locate(
        string dataPath,
        MetaImageHeader header,
        long dataStart,
        long fileLength,
        long count)
    {
        var start = header.HeaderSize == -1 ? fileLength - count : dataStart + header.HeaderSize;
        var available = fileLength - Math.Max(start, dataStart);
        if (count >= 0 && (start < dataStart || available != count))
        {
            throw WrongLength(dataPath, header, available, count);
        }

        if (available < 0)
        {
            throw new InvalidDataException($"{dataPath}: HeaderSize = {header.HeaderSize} skips past the end of " +
                $"the file ({fileLength} bytes); fix HeaderSize.");
        }

        return (start, count >= 0 ? count : available);
    }

    private static InvalidDataException WrongLength(string dataPath, MetaImageHeader header, long available, long count)
    {
        var what = header.Compressed
            ? $"CompressedDataSize = {count} bytes of zlib data"
            : $"DimSize {header.Size} × {header.ElementType.SizeInBytes()} bytes ({header.ElementType.ToMetaName()}) " +
              $"= {count} bytes";
        var fields = header.Compressed ? "CompressedDataSize" : "DimSize / ElementType";
        var fix = available < count
            ? $"the file is truncated, or {fields} in the header is wrong"
            : $"{available - count} bytes too many: fix {fields}, or set HeaderSize to skip a " +
              "leading header (-1: the data is at the end)";
        return new InvalidDataException(
            $"{dataPath}: holds {Math.Max(available, 0)} bytes of data after HeaderSize = {header.HeaderSize}, " +
            $"but the header says {what}; {fix}.");
    }

    private static void ReadExactly(string dataPath, SafeFileHandle handle, long start, Span<byte> destination)
    {
        var done = 0L;
        while (done < destination.Length)
        {
            var read = RandomAccess.Read(handle, destination[(int)done..], start + done);
            if (read == 0)
            {
                throw new InvalidDataException(
                    $"{dataPath}: ended after {done} of {destination.Length} bytes while reading; was it truncated?");
            }

            done += read;
        }
    }

    private static void Inflate(
        string dataPath,
        MetaImageHeader header,
        SafeFileHandle handle,
        long start,
        Span<byte> destination)
    {
        using var file = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        file.Position = start;
        // Locate made the region run to the end of the file, so the stream needs no upper bound.
        using var zlib = new ZLibStream(file, CompressionMode.Decompress);
        int inflated;
        var extra = 0;
        try
        {
            inflated = zlib.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
            extra = inflated == destination.Length ? zlib.Read(stackalloc byte[1]) : 0;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{dataPath}: the zlib data is damaged ({e.Message}); the file is " +
                "corrupt, or not compressed although the header says CompressedData = True.", e);
        }

        if (inflated < destination.Length || extra > 0)
        {
            var how = extra > 0 ? "more than" : $"only {inflated} bytes of";
            throw new InvalidDataException($"{dataPath}: the zlib data inflates to {how} the {destination.Length} " +
                $"bytes that DimSize {header.Size} of {header.ElementType.ToMetaName()} needs; the header's " +
                "DimSize / ElementType do not match the data.");
        }
    }
}
