using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// Reads the header of one DICOM file (PS3.10 file format, PS3.5 data encoding) up to its pixel data.
/// </summary>
/// <remarks>
/// Written by hand because no DICOM library is served on this machine's NuGet feed; it covers what a CT series
/// needs and no more. It reads the 128-byte preamble and <c>DICM</c> prefix (or a bare dataset without them),
/// the file meta group, then the dataset in the file's transfer syntax (Explicit or Implicit VR Little Endian,
/// Explicit VR Big Endian). Sequences of defined length are jumped over; sequences and items of undefined length
/// are walked to their delimiters without keeping anything. Only top-level elements named by the caller are kept.
/// Parsing stops at the pixel data element, whose offset and length are recorded so that samples can later be
/// read straight into a volume. Character sets, private dictionaries and value multiplicity checks are out of
/// scope: every value kept here is ASCII by definition.
/// </remarks>
public static class DicomElementParser
{
    /// <summary>
    /// First bytes read from each file; CT headers are a few kilobytes, so one read nearly always does.
    /// </summary>
    private const int InitialHeaderBytes = 16 * 1024;

    /// <summary>A kept value longer than this is not the short text or number a CT header holds.</summary>
    private const int MaxKeptValueBytes = 64 * 1024;

    private const uint UndefinedLength = 0xFFFF_FFFF;

    private const int MaxNesting = 32;

    /// <summary>
    /// Reads the header of <paramref name="filePath"/>, keeping the top-level elements in <paramref name="keep"/>.
    /// </summary>
    /// <returns>
    /// The header, or null when the file is not DICOM at all (no <c>DICM</c> prefix, no bare dataset).
    /// </returns>
    /// <exception cref="InvalidDataException">The file is DICOM but truncated or malformed.</exception>
    /// <exception cref="NotSupportedException">The dataset is deflated.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DicomDataset? ReadHeader(string filePath, IReadOnlySet<DicomTag> keep)
    {
        using var handle = File.OpenHandle(filePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        var fileLength = RandomAccess.GetLength(handle);
        var size = (int)Math.Min(fileLength, InitialHeaderBytes);
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
            try
            {
                var bytes = buffer.AsSpan(0, size);
                DicomFileRead.Exactly(handle, bytes, 0, filePath);
                return Parse(filePath, bytes, fileLength, keep);
            }
            catch (NeedMoreBytesException more)
            {
                if (fileLength > int.MaxValue)
                {
                    throw new InvalidDataException(
                        $"{filePath}: the DICOM header runs past 2 GB; this is not a CT image file.");
                }

                size = (int)Math.Min(fileLength, Math.Max(2L * size, more.RequiredLength + 4096));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// Parses a header from <paramref name="bytes"/>, the first bytes of a file of <paramref name="fileLength"/> bytes.
    /// </summary>
    /// <exception cref="NeedMoreBytesException">The header continues past <paramref name="bytes"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static DicomDataset? Parse(
        string filePath,
        ReadOnlySpan<byte> bytes,
        long fileLength,
        IReadOnlySet<DicomTag> keep)
    {
        int start;
        if (bytes.Length >= 132 && bytes.Slice(128, 4).SequenceEqual("DICM"u8))
        {
            start = 132;
        }
        else if (LooksLikeBareDataset(bytes))
        {
            start = 0;
        }
        else
        {
            return null;
        }

        var values = new Dictionary<DicomTag, byte[]>();
        var cursor = new DicomCursor(filePath, bytes, fileLength, start, explicitVr: true, bigEndian: false);
        var syntaxUid = ReadFileMeta(ref cursor, values, keep);
        var syntax = syntaxUid is null ? GuessSyntax(bytes, cursor.Position) : TransferSyntax.FromUid(syntaxUid);
        if (syntax == TransferSyntax.DeflatedExplicitVrLittleEndian)
        {
            throw new NotSupportedException(
                $"{filePath}: transfer syntax {syntax} is not supported; LunaFpr reads " +
                $"{TransferSyntax.SupportedNames}. " +
                "Decompress the series first (e.g. dcmdjpeg/dcmconv from DCMTK or gdcmconv --raw).");
        }

        cursor.SetEncoding(syntax.IsExplicitVr, syntax.IsBigEndian);
        var (pixelOffset, pixelLength) = ReadDataset(ref cursor, values, keep);
        return new DicomDataset(filePath, syntax, values, pixelOffset, pixelLength);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? ReadFileMeta(
        ref DicomCursor cursor,
        Dictionary<DicomTag, byte[]> values,
        IReadOnlySet<DicomTag> keep)
    {
        while (!cursor.AtEnd && cursor.PeekGroup() == 0x0002)
        {
            var tag = cursor.ReadTag();
            var (_, length) = cursor.ReadVrAndLength(tag);
            if (length == UndefinedLength)
            {
                throw cursor.Malformed($"file meta element {tag} has undefined length, which PS3.10 forbids");
            }

            if (tag == DicomTag.TransferSyntaxUid || keep.Contains(tag))
            {
                values[tag] = cursor.ReadValue(tag, length, MaxKeptValueBytes);
            }
            else
            {
                cursor.Skip(tag, length);
            }
        }

        return values.TryGetValue(DicomTag.TransferSyntaxUid, out var uid)
            ? System.Text.Encoding.ASCII.GetString(uid).Trim(' ', '\0')
            : null;
    }

    /// <summary>
    /// Walks the top level to the pixel data; returns its (offset, length), (−1, −1) when there is none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (long Offset, long Length) ReadDataset(
        ref DicomCursor cursor,
        Dictionary<DicomTag, byte[]> values,
        IReadOnlySet<DicomTag> keep)
    {
        while (!cursor.AtEnd)
        {
            var tag = cursor.ReadTag();
            if (tag.Group == 0xFFFE)
            {
                // A stray delimiter at the top level (some writers pad with one) carries only a length.
                cursor.Skip(tag, cursor.ReadUInt32());
                continue;
            }

            var (vr, length) = cursor.ReadVrAndLength(tag);
            if (tag == DicomTag.PixelData)
            {
                if (length == UndefinedLength)
                {
                    return (cursor.Position, -1);
                }

                cursor.CheckWithinFile(tag, length);
                return (cursor.Position, length);
            }

            if (length == UndefinedLength)
            {
                SkipSequence(ref cursor, vr, depth: 1);
            }
            else if (keep.Contains(tag))
            {
                values[tag] = cursor.ReadValue(tag, length, MaxKeptValueBytes);
            }
            else
            {
                cursor.Skip(tag, length);
            }
        }

        return (-1, -1);
    }

    /// <summary>Skips a value of undefined length: a sequence of items, ended by a sequence delimiter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SkipSequence(ref DicomCursor cursor, ushort vr, int depth)
    {
        if (depth > MaxNesting)
        {
            throw cursor.Malformed($"sequences nest deeper than {MaxNesting} levels");
        }

        // PS3.5 7.8: an undefined-length UN holds its sequence in Implicit VR Little Endian.
        var (explicitVr, bigEndian) = cursor.Encoding;
        if (vr == Vr.UN)
        {
            cursor.SetEncoding(explicitVr: false, bigEndian: false);
        }

        while (true)
        {
            var tag = cursor.ReadTag();
            var length = cursor.ReadUInt32();
            if (tag == DicomTag.SequenceDelimitation)
            {
                break;
            }

            if (tag != DicomTag.Item)
            {
                throw cursor.Malformed($"expected a sequence item (FFFE,E000) but found {tag}");
            }

            if (length == UndefinedLength)
            {
                SkipItem(ref cursor, depth);
            }
            else
            {
                cursor.Skip(tag, length);
            }
        }

        cursor.SetEncoding(explicitVr, bigEndian);
    }

    /// <summary>Skips the elements of an item of undefined length, up to and including its delimiter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SkipItem(ref DicomCursor cursor, int depth)
    {
        while (true)
        {
            var tag = cursor.ReadTag();
            if (tag == DicomTag.ItemDelimitation)
            {
                cursor.ReadUInt32();
                return;
            }

            var (vr, length) = cursor.ReadVrAndLength(tag);
            if (length == UndefinedLength)
            {
                SkipSequence(ref cursor, vr, depth + 1);
            }
            else
            {
                cursor.Skip(tag, length);
            }
        }
    }

    /// <summary>
    /// A file without preamble that starts with a plausible group 0002 or 0008 element, as old writers did.
    /// </summary>
    private static bool LooksLikeBareDataset(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 8)
        {
            return false;
        }

        var group = BinaryPrimitives.ReadUInt16LittleEndian(bytes);
        var element = BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);
        return group is 0x0002 or 0x0008 && element < 0x0100;
    }

    /// <summary>Without a transfer syntax UID: explicit VR when the first element spells one, else implicit.</summary>
    private static TransferSyntax GuessSyntax(ReadOnlySpan<byte> bytes, long position) =>
        position + 6 <= bytes.Length && Vr.IsLetters(bytes[(int)position + 4], bytes[(int)position + 5])
            ? TransferSyntax.ExplicitVrLittleEndian
            : TransferSyntax.ImplicitVrLittleEndian;

    /// <summary>The header continues past the bytes read so far; the caller reads more and parses again.</summary>
    internal sealed class NeedMoreBytesException(long requiredLength) : Exception
    {
        public long RequiredLength { get; } = requiredLength;
    }
}
