using LunaFpr.Imaging;
using LunaFpr.Imaging.MetaImage;

namespace LunaFpr.Tests.Imaging.MetaImage;

/// <summary>Small volumes of every element type, filled with a pattern that includes each type's extremes.</summary>
internal static class Volumes
{
    public static readonly VolumeSize Size = new(5, 4, 3);

    public static readonly Vector3D Spacing = new(0.7, 0.8, 2.5);

    public static readonly Vector3D Origin = new(-166.5, -171.699997, -340.25);

    /// <summary>A rotation of 30° about z, so a lost or transposed matrix shows.</summary>
    public static readonly Direction Rotated = Direction.FromColumns(
        [Math.Cos(Math.PI / 6), Math.Sin(Math.PI / 6), 0, -Math.Sin(Math.PI / 6), Math.Cos(Math.PI / 6), 0, 0, 0, 1]);

    public static IEnumerable<object[]> ElementTypes() =>
        Enum.GetValues<MetaImageElementType>().Select(t => new object[] { t });

    public static IEnumerable<object[]> ElementTypesAndByteOrders() =>
        Enum.GetValues<MetaImageElementType>().SelectMany(t => new[] { new object[] { t, false }, [t, true] });

    /// <summary>A <see cref="Size"/> volume of <paramref name="type"/> holding its min, max and a ramp.</summary>
    public static MetaImageVolume Pattern(MetaImageElementType type) => type switch
    {
        MetaImageElementType.UChar => Make<byte>(i => (byte)(i * 37), byte.MinValue, byte.MaxValue),
        MetaImageElementType.Char => Make<sbyte>(i => (sbyte)(i * 37), sbyte.MinValue, sbyte.MaxValue),
        MetaImageElementType.UShort => Make<ushort>(i => (ushort)(i * 1237), ushort.MinValue, ushort.MaxValue),
        MetaImageElementType.Short => Make<short>(i => (short)(i * 1237 - 30000), short.MinValue, short.MaxValue),
        MetaImageElementType.UInt => Make<uint>(i => (uint)i * 70_001_237u, uint.MinValue, uint.MaxValue),
        MetaImageElementType.Int => Make<int>(i => i * -70_001_237, int.MinValue, int.MaxValue),
        MetaImageElementType.Float => Make<float>(i => i * -1.25e7f + 0.1f, float.MinValue, float.Epsilon),
        MetaImageElementType.Double => Make<double>(i => i * 3.3e-300 - 1e10, double.MinValue, double.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static MetaImageVolume<T> Make<T>(Func<int, T> ramp, T min, T max)
        where T : unmanaged
    {
        var voxels = Enumerable.Range(0, (int)Size.VoxelCount).Select(ramp).ToArray();
        voxels[1] = min;
        voxels[^2] = max;
        return new MetaImageVolume<T>(Size, Spacing, Origin, Rotated, voxels);
    }
}
