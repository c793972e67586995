using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using LunaFpr.IO;

namespace LunaFpr.Imaging.MetaImage;

/// <summary>
/// Writes 3D MetaImage files that ITK, SimpleITK and <see cref="MetaImageReader"/> read: <c>.mhd</c> beside a
/// <c>.raw</c> (or <c>.zraw</c> when compressed) data file of the same name, or a single <c>.mha</c> with
/// <c>ElementDataFile = LOCAL</c>.
/// </summary>
/// <remarks>
/// Writing is atomic: each file is written under a temporary name in the destination folder and renamed into
/// place, the data file first and the header last, so a header never names missing or partial data.
/// </remarks>
public static class MetaImageWriter
{
    /// <summary>Voxel bytes are swapped for big-endian output in chunks of this size, not in a whole copy.</summary>
    private const int SwapChunkBytes = 1 << 20;

    /// <summary>Writes a scan as MET_SHORT HU voxels, little-endian.</summary>
    /// <param name="scan">The scan; its series UID is not stored (LUNA16 keeps it in the file name).</param>
    /// <param name="path">Destination .mhd or .mha file.</param>
    /// <param name="compress">
    /// Store the voxels as one zlib stream (<c>CompressedData = True</c>). Default false.
    /// </param>
    public static void Write(Scan scan, string path, bool compress = false) => Write(
        new MetaImageVolume<short>(scan.Size, scan.Spacing, scan.Origin, scan.Direction, scan.Voxels),
        path,
        compress);

    /// <summary>Writes a volume in its own element type.</summary>
    /// <param name="volume">Geometry and voxels, (z, y, x) order.</param>
    /// <param name="path">Destination .mhd or .mha file.</param>
    /// <param name="compress">
    /// Store the voxels as one zlib stream (<c>CompressedData = True</c>). Default false.
    /// </param>
    /// <param name="bigEndian">Store multi-byte voxels most significant byte first. Default false.</param>
    /// <exception cref="NotSupportedException">The extension is neither .mhd nor .mha.</exception>
    public static void Write(MetaImageVolume volume, string path, bool compress = false, bool bigEndian = false)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".mhd" or ".mha"))
        {
            throw new NotSupportedException(
                $"{path}: MetaImage files end in .mhd (separate data file) or .mha (one file), not '{extension}'.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (extension == ".mha")
        {
            WriteLocal(volume, path, compress, bigEndian);
            return;
        }

        var dataFile = Path.GetFileNameWithoutExtension(path) + (compress ? ".zraw" : ".raw");
        var dataPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, dataFile);
        long? compressedSize = null;
        AtomicFile.Write(dataPath, stream =>
        {
            WriteData(stream, volume, compress, bigEndian);
            compressedSize = compress ? stream.Length : null;
        });
        var header = HeaderText(volume, dataFile, compress, compressedSize, bigEndian);
        AtomicFile.Write(path, stream => stream.Write(Encoding.ASCII.GetBytes(header)));
    }

    private static void WriteLocal(MetaImageVolume volume, string path, bool compress, bool bigEndian)
    {
        // The header states CompressedDataSize before the data, so the zlib stream is built in memory first.
        MemoryStream? compressed = null;
        if (compress)
        {
            compressed = new MemoryStream();
            WriteData(compressed, volume, compress: true, bigEndian);
        }

        var header = HeaderText(volume, MetaImageHeader.LocalDataFile, compress, compressed?.Length, bigEndian);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(Encoding.ASCII.GetBytes(header));
            if (compressed is null)
            {
                WriteData(stream, volume, compress: false, bigEndian);
            }
            else
            {
                stream.Write(compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
            }
        });
    }

    private static void WriteData(Stream destination, MetaImageVolume volume, bool compress, bool bigEndian)
    {
        if (!compress)
        {
            WriteVoxels(destination, volume, bigEndian);
            return;
        }

        using var zlib = new ZLibStream(destination, CompressionLevel.Optimal, leaveOpen: true);
        WriteVoxels(zlib, volume, bigEndian);
    }

    private static void WriteVoxels(Stream target, MetaImageVolume volume, bool bigEndian)
    {
        var bytes = volume.VoxelBytes;
        if (!VoxelByteOrder.NeedsSwap(bigEndian, volume.ElementType))
        {
            target.Write(bytes);
            return;
        }

        var elementSize = volume.ElementType.SizeInBytes();
        var buffer = ArrayPool<byte>.Shared.Rent(SwapChunkBytes);
        try
        {
            for (var start = 0; start < bytes.Length; start += SwapChunkBytes)
            {
                var chunk = buffer.AsSpan(0, Math.Min(SwapChunkBytes, bytes.Length - start));
                bytes.Slice(start, chunk.Length).CopyTo(chunk);
                VoxelByteOrder.Reverse(chunk, elementSize);
                target.Write(chunk);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Header text in the key order ITK writes, <c>ElementDataFile</c> last as the format requires.</summary>
    private static string HeaderText(
        MetaImageVolume volume,
        string dataFile,
        bool compress,
        long? compressedSize,
        bool bigEndian)
    {
        var text = new StringBuilder();
        void Line(string key, string value) => text.Append(key).Append(" = ").Append(value).Append('\n');

        Line("ObjectType", "Image");
        Line("NDims", "3");
        Line("BinaryData", "True");
        Line("BinaryDataByteOrderMSB", bigEndian ? "True" : "False");
        Line("CompressedData", compress ? "True" : "False");
        if (compressedSize is { } size)
        {
            Line("CompressedDataSize", size.ToString(CultureInfo.InvariantCulture));
        }

        Line("TransformMatrix", Numbers(volume.Direction.ToColumns()));
        Line("Offset", Numbers([volume.Origin.X, volume.Origin.Y, volume.Origin.Z]));
        Line("CenterOfRotation", "0 0 0");
        Line("ElementSpacing", Numbers([volume.Spacing.X, volume.Spacing.Y, volume.Spacing.Z]));
        Line("DimSize", $"{volume.Size.X} {volume.Size.Y} {volume.Size.Z}");
        Line("ElementType", volume.ElementType.ToMetaName());
        Line("ElementDataFile", dataFile);
        return text.ToString();
    }

    /// <summary>Shortest text that parses back to the same doubles.</summary>
    private static string Numbers(double[] values) =>
        string.Join(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
