using System.Runtime.InteropServices;

namespace LunaFpr.Imaging.MetaImage;

/// <summary>
/// A 3D MetaImage as stored: geometry plus voxels of the file's own element type, in (z, y, x) order, x fastest.
/// <see cref="MetaImageVolume{T}"/> holds the typed voxels; <see cref="Scan"/> is the HU view that the rest of
/// LunaFpr uses.
/// </summary>
public abstract class MetaImageVolume
{
    private protected MetaImageVolume(VolumeSize size, Vector3D spacing, Vector3D origin, Direction direction)
    {
        if (size.X <= 0 || size.Y <= 0 || size.Z <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "Every dimension of a volume must be positive.");
        }

        if (!(spacing.X > 0 && spacing.Y > 0 && spacing.Z > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Every spacing must be positive (mm).");
        }

        Size = size;
        Spacing = spacing;
        Origin = origin;
        Direction = direction;
    }

    /// <summary>Extent in voxels (x, y, z).</summary>
    public VolumeSize Size { get; }

    /// <summary>Voxel spacing (x, y, z) in mm.</summary>
    public Vector3D Spacing { get; }

    /// <summary>World position (x, y, z) in mm of voxel [z=0, y=0, x=0].</summary>
    public Vector3D Origin { get; }

    /// <summary>Direction cosines, as in the header's <c>TransformMatrix</c>.</summary>
    public Direction Direction { get; }

    /// <summary>The voxel type, which a writer stores as <c>ElementType</c>.</summary>
    public abstract MetaImageElementType ElementType { get; }

    /// <summary>The voxels' bytes in this machine's byte order, (z, y, x), x fastest.</summary>
    public abstract Span<byte> VoxelBytes { get; }

    /// <summary>
    /// Creates a volume of the header's geometry and element type whose voxels are not cleared, since the
    /// reader overwrites every byte through <see cref="VoxelBytes"/>.
    /// </summary>
    internal static MetaImageVolume Allocate(MetaImageHeader header) => header.ElementType switch
    {
        MetaImageElementType.UChar => MetaImageVolume<byte>.Allocate(header),
        MetaImageElementType.Char => MetaImageVolume<sbyte>.Allocate(header),
        MetaImageElementType.UShort => MetaImageVolume<ushort>.Allocate(header),
        MetaImageElementType.Short => MetaImageVolume<short>.Allocate(header),
        MetaImageElementType.UInt => MetaImageVolume<uint>.Allocate(header),
        MetaImageElementType.Int => MetaImageVolume<int>.Allocate(header),
        MetaImageElementType.Float => MetaImageVolume<float>.Allocate(header),
        MetaImageElementType.Double => MetaImageVolume<double>.Allocate(header),
        _ => throw new ArgumentOutOfRangeException(nameof(header), header.ElementType, "Not an element type."),
    };
}

/// <summary>
/// A MetaImage volume whose voxels are of .NET type <typeparamref name="T"/> (one of the eight types).
/// </summary>
/// <typeparam name="T">byte, sbyte, ushort, short, uint, int, float or double.</typeparam>
public sealed class MetaImageVolume<T> : MetaImageVolume
    where T : unmanaged
{
    /// <param name="size">Extent in voxels (x, y, z).</param>
    /// <param name="spacing">Voxel spacing (x, y, z) in mm; positive.</param>
    /// <param name="origin">World (x, y, z) in mm of voxel [0, 0, 0].</param>
    /// <param name="direction">Direction cosines.</param>
    /// <param name="voxels">Values in (z, y, x) order; length X × Y × Z. Kept, not copied.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a MetaImage element type.</exception>
    public MetaImageVolume(VolumeSize size, Vector3D spacing, Vector3D origin, Direction direction, T[] voxels)
        : base(size, spacing, origin, direction)
    {
        ElementType = MetaImageElementTypes.Of<T>();
        if (voxels.LongLength != size.VoxelCount)
        {
            throw new ArgumentException(
                $"A volume of size {size} needs {size.VoxelCount} voxels, got {voxels.LongLength}.", nameof(voxels));
        }

        Voxels = voxels;
    }

    /// <summary>The voxels in (z, y, x) order, x fastest.</summary>
    public T[] Voxels { get; }

    public override MetaImageElementType ElementType { get; }

    public override Span<byte> VoxelBytes => MemoryMarshal.AsBytes(Voxels.AsSpan());

    internal static new MetaImageVolume<T> Allocate(MetaImageHeader header) => new(
        header.Size,
        header.Spacing,
        header.Origin,
        header.Direction,
        GC.AllocateUninitializedArray<T>((int)header.Size.VoxelCount));
}
