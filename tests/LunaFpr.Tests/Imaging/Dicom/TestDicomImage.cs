using LunaFpr.Imaging;

namespace LunaFpr.Tests.Imaging.Dicom;

/// <summary>One synthetic CT image file for the tests; every attribute has a plain default.</summary>
internal sealed record TestDicomImage
{
    public const string ExplicitLittle = "1.2.840.10008.1.2.1";
    public const string ImplicitLittle = "1.2.840.10008.1.2";
    public const string ExplicitBig = "1.2.840.10008.1.2.2";
    public const string Jpeg2000Lossless = "1.2.840.10008.1.2.4.90";
    public const string RleLossless = "1.2.840.10008.1.2.5";

    public string TransferSyntaxUid { get; init; } = ExplicitLittle;

    /// <summary>
    /// The UID written in the file meta group when it should lie about the encoding; null: the truth.
    /// </summary>
    public string? MetaTransferSyntaxUid { get; init; }

    public string SeriesUid { get; init; } = "1.2.826.0.1.3680043.8.498.1";
    public string Modality { get; init; } = "CT";
    public int InstanceNumber { get; init; } = 1;
    public Vector3D Position { get; init; }
    public double[] Orientation { get; init; } = [1, 0, 0, 0, 1, 0];
    public int Rows { get; init; } = 4;
    public int Columns { get; init; } = 5;

    /// <summary>PixelSpacing: row spacing (voxel y) first, then column spacing (voxel x), in mm.</summary>
    public double RowSpacing { get; init; } = 0.7;
    public double ColumnSpacing { get; init; } = 0.8;

    public int BitsAllocated { get; init; } = 16;
    public int BitsStored { get; init; } = 16;
    public int HighBit { get; init; } = 15;
    public bool Signed { get; init; } = true;
    public double? Slope { get; init; }
    public double? Intercept { get; init; }

    /// <summary>Bytes of a private element (0029,1010) written before the pixel data, to make a long header.</summary>
    public int PrivateBytes { get; init; }

    /// <summary>
    /// Write the dataset alone, without preamble and file meta group, as old ACR-NEMA-style files are.
    /// </summary>
    public bool Bare { get; init; }

    /// <summary>Raw container words (all bits, overlays included), Rows × Columns, row by row.</summary>
    public required int[] Pixels { get; init; }
}
