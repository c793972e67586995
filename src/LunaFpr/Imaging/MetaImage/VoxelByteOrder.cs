using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace LunaFpr.Imaging.MetaImage;

/// <summary>
/// Byte-order conversion of voxel data, vectorised by <see cref="BinaryPrimitives"/> over whole spans.
/// </summary>
internal static class VoxelByteOrder
{
    /// <summary>True when data stored with <paramref name="bigEndian"/> must be swapped on this machine.</summary>
    public static bool NeedsSwap(bool bigEndian, MetaImageElementType type) =>
        bigEndian == BitConverter.IsLittleEndian && type.SizeInBytes() > 1;

    /// <summary>
    /// Reverses the bytes of each <paramref name="elementSize"/>-byte element of <paramref name="bytes"/>.
    /// </summary>
    public static void Reverse(Span<byte> bytes, int elementSize)
    {
        switch (elementSize)
        {
            case 1:
                break;
            case 2:
                var shorts = MemoryMarshal.Cast<byte, ushort>(bytes);
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                break;
            case 4:
                var ints = MemoryMarshal.Cast<byte, uint>(bytes);
                BinaryPrimitives.ReverseEndianness(ints, ints);
                break;
            case 8:
                var longs = MemoryMarshal.Cast<byte, ulong>(bytes);
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
            default:
                throw new ArgumentOutOfRangeException(
                    nameof(elementSize),
                    elementSize,
                    "Elements are 1, 2, 4 or 8 bytes.");
        }
    }
}
