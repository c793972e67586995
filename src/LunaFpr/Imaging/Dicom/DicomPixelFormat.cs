namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// How one pixel sample is stored: its container (<see cref="BitsAllocated"/>), the bits that hold the value
/// (<see cref="BitsStored"/>, ending at <see cref="HighBit"/>), signedness and byte order.
/// </summary>
/// <remarks>
/// CT stores 12 to 16 bits in 16-bit containers; a value stored in fewer bits than its container is
/// sign-extended (signed) or masked (unsigned) from <see cref="BitsStored"/>, so stray bits above
/// <see cref="HighBit"/> (overlays in old files) never reach the HU values.
/// </remarks>
public sealed record DicomPixelFormat(int BitsAllocated, int BitsStored, int HighBit, bool IsSigned, bool IsBigEndian)
{
    public int BytesPerSample => BitsAllocated / 8;

    /// <summary>
    /// True when a sample is the whole 16-bit container, as in most CT: no shift, mask or sign extension.
    /// </summary>
    public bool IsFull16Bit => BitsAllocated == 16 && BitsStored == 16;

    /// <summary>Reads and checks BitsAllocated, BitsStored, HighBit and PixelRepresentation.</summary>
    /// <exception cref="NotSupportedException">Samples of other than 8 or 16 bits.</exception>
    /// <exception cref="InvalidDataException">Missing or inconsistent values.</exception>
    public static DicomPixelFormat FromDataset(DicomDataset dataset)
    {
        var file = dataset.FilePath;
        var allocated = dataset.GetUInt16(DicomTag.BitsAllocated)
            ?? throw new InvalidDataException($"{file}: {DicomTag.BitsAllocated} is missing.");
        if (allocated is not (8 or 16))
        {
            throw new NotSupportedException(
                $"{file}: {allocated} bits allocated per sample; LunaFpr reads 8- and 16-bit samples.");
        }

        var stored = dataset.GetUInt16(DicomTag.BitsStored) ?? allocated;
        var highBit = dataset.GetUInt16(DicomTag.HighBit) ?? stored - 1;
        var representation = dataset.GetUInt16(DicomTag.PixelRepresentation) ?? 0;
        if (stored < 1 || stored > allocated || highBit < stored - 1 || highBit >= allocated || representation > 1)
        {
            throw new InvalidDataException(
                $"{file}: BitsAllocated {allocated}, BitsStored {stored}, HighBit {highBit}, PixelRepresentation " +
                $"{representation} do not fit together; stored bits must end at HighBit inside the allocated bits.");
        }

        return new DicomPixelFormat(allocated, stored, highBit, representation == 1, dataset.Syntax.IsBigEndian);
    }
}
