using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// A read position in the first bytes of a DICOM file, in one encoding (explicit or implicit VR, byte order).
/// Positions are file offsets; every read is checked against both the bytes at hand and the file's length, so a
/// truncated file fails with its name and offset, and a header longer than the bytes at hand asks for more.
/// </summary>
internal ref struct DicomCursor
{
    private readonly string filePath;
    private readonly ReadOnlySpan<byte> bytes;
    private readonly long fileLength;
    private bool explicitVr;
    private bool bigEndian;

    public DicomCursor(string filePath, ReadOnlySpan<byte> bytes, long fileLength, long position, bool explicitVr,
        bool bigEndian)
    {
        this.filePath = filePath;
        this.bytes = bytes;
        this.fileLength = fileLength;
        Position = position;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
    }

    public long Position { get; private set; }

    public readonly bool AtEnd => Position >= fileLength;

    public readonly (bool ExplicitVr, bool BigEndian) Encoding => (explicitVr, bigEndian);

    public void SetEncoding(bool explicitVr, bool bigEndian)
    {
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
    }

    /// <summary>The group of the next tag without moving; the file meta group is read this way.</summary>
    public readonly ushort PeekGroup()
    {
        Need(2, "a tag");
        var at = bytes[(int)Position..];
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at);
    }

    public DicomTag ReadTag()
    {
        var group = ReadUInt16("a tag");
        var element = ReadUInt16("a tag");
        return new DicomTag(group, element);
    }

    public uint ReadUInt32(string what = "a length", DicomTag? tag = null)
    {
        Need(4, what, tag);
        var at = bytes[(int)Position..];
        Position += 4;
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(at) : BinaryPrimitives.ReadUInt32LittleEndian(at);
    }

    /// <summary>Reads what follows a tag: (VR code, value length). The VR is 0 in implicit-VR encoding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (ushort Vr, uint Length) ReadVrAndLength(DicomTag tag)
    {
        if (!explicitVr)
        {
            return (0, ReadUInt32());
        }

        Need(2, "the VR", tag);
        var first = bytes[(int)Position];
        var second = bytes[(int)Position + 1];
        if (!Dicom.Vr.IsLetters(first, second))
        {
            throw Malformed(
                $"{tag} has no two-letter VR (found bytes 0x{first:X2} 0x{second:X2}); the transfer syntax in " +
                "the file meta group may be wrong");
        }

        Position += 2;
        var vr = Dicom.Vr.Code(first, second);
        if (!Dicom.Vr.HasLongLength(vr))
        {
            return (vr, ReadUInt16("the length", tag));
        }

        Position += 2; // reserved
        return (vr, ReadUInt32("the length", tag));
    }

    /// <summary>Copies a value out of the buffer and moves past it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] ReadValue(DicomTag tag, uint length, int maxLength = int.MaxValue)
    {
        if (length > maxLength)
        {
            throw Malformed($"{tag} claims {length} bytes, more than the {maxLength} such a value can need");
        }

        CheckWithinFile(tag, length);
        Need((int)length, "the value", tag);
        var value = bytes.Slice((int)Position, (int)length).ToArray();
        Position += length;
        return value;
    }

    public void Skip(DicomTag tag, uint length)
    {
        CheckWithinFile(tag, length);
        Position += length;
    }

    /// <summary>
    /// Fails when a value of <paramref name="length"/> bytes here would run past the end of the file.
    /// </summary>
    public readonly void CheckWithinFile(DicomTag tag, uint length)
    {
        if (Position + length > fileLength)
        {
            throw new InvalidDataException(
                $"{filePath}: {tag} needs {length} bytes from byte {Position}, but the file ends at byte " +
                $"{fileLength}. The file is truncated; copy it again from its source.");
        }
    }

    public readonly InvalidDataException Malformed(string problem) =>
        new($"{filePath}: {problem} (byte {Position}). The file is corrupt or not a DICOM image.");

    private ushort ReadUInt16(string what, DicomTag? tag = null)
    {
        Need(2, what, tag);
        var at = bytes[(int)Position..];
        Position += 2;
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at);
    }

    /// <summary>
    /// Checks that <paramref name="count"/> bytes follow; <paramref name="what"/> and <paramref name="tag"/>
    /// name them in the message, which is only built on failure because this runs for every element.
    /// </summary>
    private readonly void Need(int count, string what, DicomTag? tag = null)
    {
        if (Position + count > fileLength)
        {
            var subject = tag is { } t ? $"{what} of {t}" : what;
            throw new InvalidDataException(
                $"{filePath}: the file ends at byte {fileLength} while reading {subject} at byte {Position}. " +
                "The file is truncated; copy it again from its source.");
        }

        if (Position + count > bytes.Length)
        {
            throw new DicomElementParser.NeedMoreBytesException(Position + count);
        }
    }
}
