namespace LunaFpr.Imaging.MetaImage;

/// <summary>The voxel types of a MetaImage <c>ElementType</c> that LunaFpr reads and writes.</summary>
public enum MetaImageElementType
{
    /// <summary><c>MET_UCHAR</c>: unsigned 8-bit, <see cref="byte"/>.</summary>
    UChar,

    /// <summary><c>MET_CHAR</c>: signed 8-bit, <see cref="sbyte"/>.</summary>
    Char,

    /// <summary><c>MET_USHORT</c>: unsigned 16-bit, <see cref="ushort"/>.</summary>
    UShort,

    /// <summary><c>MET_SHORT</c>: signed 16-bit, <see cref="short"/>; LUNA16's type (HU).</summary>
    Short,

    /// <summary><c>MET_UINT</c>: unsigned 32-bit, <see cref="uint"/>.</summary>
    UInt,

    /// <summary><c>MET_INT</c>: signed 32-bit, <see cref="int"/>.</summary>
    Int,

    /// <summary><c>MET_FLOAT</c>: 32-bit IEEE float, <see cref="float"/>.</summary>
    Float,

    /// <summary><c>MET_DOUBLE</c>: 64-bit IEEE float, <see cref="double"/>.</summary>
    Double,
}

/// <summary>Names, sizes and .NET types of <see cref="MetaImageElementType"/> values.</summary>
public static class MetaImageElementTypes
{
    private static readonly (MetaImageElementType Type, string Name, int Size, Type ClrType)[] Table =
    [
        (MetaImageElementType.UChar, "MET_UCHAR", 1, typeof(byte)),
        (MetaImageElementType.Char, "MET_CHAR", 1, typeof(sbyte)),
        (MetaImageElementType.UShort, "MET_USHORT", 2, typeof(ushort)),
        (MetaImageElementType.Short, "MET_SHORT", 2, typeof(short)),
        (MetaImageElementType.UInt, "MET_UINT", 4, typeof(uint)),
        (MetaImageElementType.Int, "MET_INT", 4, typeof(int)),
        (MetaImageElementType.Float, "MET_FLOAT", 4, typeof(float)),
        (MetaImageElementType.Double, "MET_DOUBLE", 8, typeof(double)),
    ];

    /// <summary>Every supported type, in <c>ElementType</c> spelling, for error messages.</summary>
    public static string SupportedNames => string.Join(", ", Table.Select(t => t.Name));

    /// <summary>The header spelling, e.g. <c>MET_SHORT</c>.</summary>
    public static string ToMetaName(this MetaImageElementType type) => Row(type).Name;

    /// <summary>Bytes per voxel.</summary>
    public static int SizeInBytes(this MetaImageElementType type) => Row(type).Size;

    /// <summary>Parses a header spelling such as <c>MET_FLOAT</c>; false for an unknown or unsupported name.</summary>
    public static bool TryParse(string metaName, out MetaImageElementType type)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Name, metaName, StringComparison.OrdinalIgnoreCase))
            {
                type = row.Type;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>The element type stored as .NET type <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is none of the eight voxel types.</exception>
    public static MetaImageElementType Of<T>()
        where T : unmanaged
    {
        foreach (var row in Table)
        {
            if (row.ClrType == typeof(T))
            {
                return row.Type;
            }
        }

        throw new NotSupportedException(
            $"MetaImage voxels of .NET type {typeof(T).Name} are not supported; use one of {SupportedNames}.");
    }

    private static (MetaImageElementType Type, string Name, int Size, Type ClrType) Row(MetaImageElementType type) =>
        (uint)type < (uint)Table.Length
            ? Table[(int)type]
            : throw new ArgumentOutOfRangeException(nameof(type), type, "Not a MetaImage element type.");
}
