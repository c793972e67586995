namespace LunaFpr.Imaging.MetaImage;

/// <summary>
/// The fields of a 3D MetaImage header that say where the voxels are and what they mean. Axis order is the
/// header's own: (x, y, z), x fastest in the data.
/// </summary>
public sealed record MetaImageHeader
{
    /// <summary>The <c>ElementDataFile</c> value meaning "data follows the header in the same file" (.mha).</summary>
    public const string LocalDataFile = "LOCAL";

    /// <summary><c>DimSize</c>: extent in voxels (x, y, z).</summary>
    public required VolumeSize Size { get; init; }

    /// <summary><c>ElementType</c>.</summary>
    public required MetaImageElementType ElementType { get; init; }

    /// <summary>
    /// <c>ElementSpacing</c> (or <c>ElementSize</c>) in mm, (x, y, z); 1 mm each when the header has neither.
    /// </summary>
    public Vector3D Spacing { get; init; } = new(1, 1, 1);

    /// <summary>
    /// <c>Offset</c> (or <c>Position</c>, <c>Origin</c>): world (x, y, z) in mm of the first voxel; 0 by default.
    /// </summary>
    public Vector3D Origin { get; init; }

    /// <summary><c>TransformMatrix</c>, axis vectors in turn; identity by default.</summary>
    public Direction Direction { get; init; } = Direction.Identity;

    /// <summary>
    /// <c>BinaryDataByteOrderMSB</c> or <c>ElementByteOrderMSB</c>: true when multi-byte voxels are stored
    /// most significant byte first (big-endian). Default false.
    /// </summary>
    public bool BigEndian { get; init; }

    /// <summary><c>CompressedData</c>: the data is one zlib stream. Default false.</summary>
    public bool Compressed { get; init; }

    /// <summary><c>CompressedDataSize</c> in bytes, when given.</summary>
    public long? CompressedDataSize { get; init; }

    /// <summary>
    /// <c>HeaderSize</c>: bytes to skip at the start of the data (of the data file, or after the header text of
    /// a .mha); −1 means the data sits at the very end of the file, after whatever precedes it. Default 0.
    /// </summary>
    public long HeaderSize { get; init; }

    /// <summary>
    /// <c>ElementDataFile</c>: a file name relative to the header's folder, or <see cref="LocalDataFile"/>.
    /// </summary>
    public required string ElementDataFile { get; init; }

    /// <summary>True when the voxels follow the header text in the same file.</summary>
    public bool IsLocal => string.Equals(ElementDataFile, LocalDataFile, StringComparison.OrdinalIgnoreCase);

    /// <summary>Uncompressed size of the voxel data in bytes: X × Y × Z × element size.</summary>
    public long DataByteCount => Size.VoxelCount * ElementType.SizeInBytes();
}
