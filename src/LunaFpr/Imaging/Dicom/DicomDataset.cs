using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// The header of one DICOM file as <see cref="DicomElementParser"/> left it: the raw values of the top-level
/// elements it was asked to keep, and where the pixel data lies in the file (read later, straight into a volume).
/// </summary>
public sealed class DicomDataset
{
    private readonly IReadOnlyDictionary<DicomTag, byte[]> values;

    internal DicomDataset(
        string filePath,
        TransferSyntax syntax,
        IReadOnlyDictionary<DicomTag, byte[]> values,
        long pixelDataOffset,
        long pixelDataLength)
    {
        FilePath = filePath;
        Syntax = syntax;
        this.values = values;
        PixelDataOffset = pixelDataOffset;
        PixelDataLength = pixelDataLength;
    }

    public string FilePath { get; }

    public TransferSyntax Syntax { get; }

    /// <summary>Byte offset of the first pixel sample in the file; −1 when the file has no pixel data.</summary>
    public long PixelDataOffset { get; }

    /// <summary>Length in bytes of the pixel data value; −1 when it is encapsulated (undefined length).</summary>
    public long PixelDataLength { get; }

    public bool HasPixelData => PixelDataOffset >= 0;

    public bool Contains(DicomTag tag) => values.ContainsKey(tag);

    /// <summary>A text value (UI, CS, LO, DS, IS …) without its padding; null when absent or empty.</summary>
    public string? GetString(DicomTag tag)
    {
        if (!values.TryGetValue(tag, out var raw))
        {
            return null;
        }

        // Latin-1 keeps every byte one character; the values read here are ASCII by definition.
        var text = Encoding.Latin1.GetString(raw).Trim(' ', '\0');
        return text.Length == 0 ? null : text;
    }

    /// <summary>The numbers of a decimal-string value (DS), backslash-separated; null when absent.</summary>
    /// <exception cref="InvalidDataException">A value is not a number.</exception>
    public double[]? GetDecimals(DicomTag tag)
    {
        if (GetString(tag) is not { } text)
        {
            return null;
        }

        var parts = text.Split('\\');
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                throw new InvalidDataException(
                    $"{FilePath}: {tag} holds '{text}', whose value {i + 1} is not a decimal number.");
            }
        }

        return numbers;
    }

    /// <summary>A single decimal-string value; null when absent.</summary>
    public double? GetDecimal(DicomTag tag) => GetDecimals(tag) is { } numbers ? numbers[0] : null;

    /// <summary>An integer-string value (IS); null when absent.</summary>
    /// <exception cref="InvalidDataException">The value is not an integer.</exception>
    public int? GetIntegerString(DicomTag tag)
    {
        if (GetString(tag) is not { } text)
        {
            return null;
        }

        var first = text.Split('\\')[0].Trim();
        return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{FilePath}: {tag} holds '{text}', which is not an integer.");
    }

    /// <summary>An unsigned-short value (US) in the dataset's byte order; null when absent.</summary>
    /// <exception cref="InvalidDataException">The value is not two bytes long.</exception>
    public ushort? GetUInt16(DicomTag tag)
    {
        if (!values.TryGetValue(tag, out var raw))
        {
            return null;
        }

        if (raw.Length < 2)
        {
            throw new InvalidDataException(
                $"{FilePath}: {tag} is {raw.Length} bytes long; an unsigned short needs 2.");
        }

        return Syntax.IsBigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(raw)
            : BinaryPrimitives.ReadUInt16LittleEndian(raw);
    }
}
