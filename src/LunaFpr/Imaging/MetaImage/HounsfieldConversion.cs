using System.Numerics;

namespace LunaFpr.Imaging.MetaImage;

/// <summary>
/// Turns a volume of any element type into int16 HU voxels for a <see cref="Scan"/>. Integer values must fit in
/// −32768…32767; float and double values are rounded to the nearest integer (halves to even) and must fit too.
/// No rescaling is applied: the file is taken to hold HU already, as LUNA16 files do.
/// </summary>
internal static class HounsfieldConversion
{
    /// <summary>The voxels as int16 HU; a MET_SHORT volume's own array, not a copy.</summary>
    /// <param name="volume">Voxels in (z, y, x) order.</param>
    /// <param name="path">The file they came from, for messages.</param>
    /// <exception cref="InvalidDataException">A voxel is NaN or does not fit in int16.</exception>
    public static short[] ToHounsfield(MetaImageVolume volume, string path) => volume switch
    {
        MetaImageVolume<short> v => v.Voxels,
        MetaImageVolume<byte> v => Widen(v.Voxels),
        MetaImageVolume<sbyte> v => Widen(v.Voxels),
        MetaImageVolume<ushort> v => Narrow(v, path),
        MetaImageVolume<uint> v => Narrow(v, path),
        MetaImageVolume<int> v => Narrow(v, path),
        MetaImageVolume<float> v => Round(v, path),
        MetaImageVolume<double> v => Round(v, path),
        _ => throw new NotSupportedException($"{path}: element type {volume.ElementType} has no HU conversion."),
    };

    private static short[] Widen<T>(T[] source)
        where T : unmanaged, IBinaryInteger<T>
    {
        var result = GC.AllocateUninitializedArray<short>(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            result[i] = short.CreateTruncating(source[i]);
        }

        return result;
    }

    private static short[] Narrow<T>(MetaImageVolume<T> volume, string path)
        where T : unmanaged, IBinaryInteger<T>
    {
        var source = volume.Voxels;
        var result = GC.AllocateUninitializedArray<short>(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var value = long.CreateTruncating(source[i]);
            if (value is < short.MinValue or > short.MaxValue)
            {
                throw OutOfRange(volume, path, i, value.ToString());
            }

            result[i] = (short)value;
        }

        return result;
    }

    private static short[] Round<T>(MetaImageVolume<T> volume, string path)
        where T : unmanaged, IFloatingPoint<T>
    {
        var source = volume.Voxels;
        var result = GC.AllocateUninitializedArray<short>(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var value = Math.Round(double.CreateTruncating(source[i]));
            if (!(value >= short.MinValue && value <= short.MaxValue))
            {
                throw OutOfRange(
                    volume,
                    path,
                    i,
                    source[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture));
            }

            result[i] = (short)value;
        }

        return result;
    }

    private static InvalidDataException OutOfRange(MetaImageVolume volume, string path, long offset, string value)
    {
        var size = volume.Size;
        var index = new IndexZyx(
            (int)(offset / ((long)size.X * size.Y)),
            (int)(offset / size.X % size.Y),
            (int)(offset % size.X));
        return new InvalidDataException(
            $"{path}: voxel {index} is {value} ({volume.ElementType.ToMetaName()}), which is no int16 HU value " +
            $"({short.MinValue}…{short.MaxValue}); LunaFpr keeps CT as int16 HU. Convert the image to HU first " +
            "(unsigned CT often needs 1024 subtracted), or read its raw values with MetaImageReader.Read.");
    }
}
