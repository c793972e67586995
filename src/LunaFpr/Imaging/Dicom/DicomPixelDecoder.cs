using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// Reads the native (uncompressed) pixel samples of one slice into a volume and turns them into HU:
/// extract the stored bits (sign-extended or masked), then HU = value × RescaleSlope + RescaleIntercept.
/// </summary>
/// <remarks>
/// 16-bit samples are read from the file straight into the destination and converted in place, so a slice
/// costs one read and one pass. HU outside the int16 range saturate at −32768 / 32767. With a fractional slope
/// or intercept HU are rounded to the nearest integer, halves away from zero.
/// </remarks>
internal static class DicomPixelDecoder
{
    /// <summary>Reads <paramref name="slice"/>'s Rows × Columns samples, in row order, as HU.</summary>
    /// <param name="slice">The slice whose pixel data to read.</param>
    /// <param name="destination">Rows × Columns HU values, x (column) fastest.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReadHu(DicomSlice slice, Span<short> destination)
    {
        var count = slice.Rows * slice.Columns;
        if (destination.Length != count)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values, the slice {count}.");
        }

        using var handle = File.OpenHandle(slice.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (slice.Format.BitsAllocated == 16)
        {
            DicomFileRead.Exactly(handle, MemoryMarshal.AsBytes(destination), slice.PixelDataOffset, slice.FilePath);
            if (slice.Format.IsBigEndian == BitConverter.IsLittleEndian)
            {
                BinaryPrimitives.ReverseEndianness(destination, destination);
            }

            Convert16(destination, slice);
            return;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            DicomFileRead.Exactly(handle, bytes.AsSpan(0, count), slice.PixelDataOffset, slice.FilePath);
            Convert8(bytes.AsSpan(0, count), destination, slice);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Converts 16-bit samples to HU in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Convert16(Span<short> samples, DicomSlice slice)
    {
        var format = slice.Format;
        var shift = format.HighBit + 1 - format.BitsStored;
        var mask = (int)((1u << format.BitsStored) - 1);
        if (IntegerIntercept(slice) is not { } intercept)
        {
            for (var i = 0; i < samples.Length; i++)
            {
                var raw = StoredValue((ushort)samples[i], format, shift, mask);
                samples[i] = Saturate(Math.Round(raw * slice.RescaleSlope + slice.RescaleIntercept,
                    MidpointRounding.AwayFromZero));
            }

            return;
        }

        var start = 0;
        if (Vector.IsHardwareAccelerated)
        {
            start = Convert16Vectorised(samples, format, shift, mask, intercept);
        }

        for (var i = start; i < samples.Length; i++)
        {
            samples[i] = Saturate(StoredValue((ushort)samples[i], format, shift, mask) + intercept);
        }
    }

    /// <summary>
    /// The common CT case (slope 1, whole-number intercept), a vector at a time; returns where it stopped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Convert16Vectorised(Span<short> samples, DicomPixelFormat format, int shift, int mask,
        int intercept)
    {
        var words = MemoryMarshal.Cast<short, ushort>(samples);
        var add = new Vector<int>(intercept);
        var low = new Vector<int>(short.MinValue);
        var high = new Vector<int>(short.MaxValue);
        var maskVector = new Vector<int>(mask);
        var width = Vector<ushort>.Count;
        var i = 0;
        for (; i <= words.Length - width; i += width)
        {
            Vector.Widen(new Vector<ushort>(words[i..]), out var first, out var second);
            var a = Stored(Vector.AsVectorInt32(first), format, shift, maskVector) + add;
            var b = Stored(Vector.AsVectorInt32(second), format, shift, maskVector) + add;
            a = Vector.Min(Vector.Max(a, low), high);
            b = Vector.Min(Vector.Max(b, low), high);
            Vector.Narrow(a, b).CopyTo(samples[i..]);
        }

        return i;
    }

    private static Vector<int> Stored(Vector<int> word, DicomPixelFormat format, int shift, Vector<int> mask) =>
        format.IsSigned
            ? Vector.ShiftRightArithmetic(Vector.ShiftLeft(word, 31 - format.HighBit), 32 - format.BitsStored)
            : Vector.ShiftRightLogical(word, shift) & mask;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Convert8(ReadOnlySpan<byte> samples, Span<short> destination, DicomSlice slice)
    {
        var format = slice.Format;
        var shift = format.HighBit + 1 - format.BitsStored;
        var mask = (1 << format.BitsStored) - 1;
        for (var i = 0; i < samples.Length; i++)
        {
            var raw = StoredValue(samples[i], format, shift, mask);
            destination[i] = Saturate(Math.Round(raw * slice.RescaleSlope + slice.RescaleIntercept,
                MidpointRounding.AwayFromZero));
        }
    }

    /// <summary>
    /// The value held in bits [HighBit − BitsStored + 1, HighBit] of a sample, sign-extended if signed.
    /// </summary>
    private static int StoredValue(int word, DicomPixelFormat format, int shift, int mask) =>
        format.IsSigned
            ? (word << (31 - format.HighBit)) >> (32 - format.BitsStored)
            : (word >> shift) & mask;

    /// <summary>The intercept as an integer when HU are stored value + intercept exactly; else null.</summary>
    private static int? IntegerIntercept(DicomSlice slice) =>
        slice.RescaleSlope == 1 && Math.Abs(slice.RescaleIntercept) < 1 << 20
        && slice.RescaleIntercept == Math.Round(slice.RescaleIntercept)
            ? (int)slice.RescaleIntercept
            : null;

    private static short Saturate(int hu) => (short)Math.Clamp(hu, short.MinValue, short.MaxValue);

    private static short Saturate(double hu) => (short)Math.Clamp(hu, short.MinValue, short.MaxValue);
}
