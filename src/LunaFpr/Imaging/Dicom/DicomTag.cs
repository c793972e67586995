namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// A DICOM attribute tag (group, element), printed as DICOM writes it: <c>(0020,0032)</c>.
/// The named tags are the ones a CT series needs; everything else in a file is skipped unread.
/// </summary>
public readonly record struct DicomTag(ushort Group, ushort Element)
{
    public static readonly DicomTag TransferSyntaxUid = new(0x0002, 0x0010);
    public static readonly DicomTag SopClassUid = new(0x0008, 0x0016);
    public static readonly DicomTag Modality = new(0x0008, 0x0060);
    public static readonly DicomTag SeriesDescription = new(0x0008, 0x103E);
    public static readonly DicomTag SliceThickness = new(0x0018, 0x0050);
    public static readonly DicomTag SeriesInstanceUid = new(0x0020, 0x000E);
    public static readonly DicomTag InstanceNumber = new(0x0020, 0x0013);
    public static readonly DicomTag ImagePositionPatient = new(0x0020, 0x0032);
    public static readonly DicomTag ImageOrientationPatient = new(0x0020, 0x0037);
    public static readonly DicomTag SamplesPerPixel = new(0x0028, 0x0002);
    public static readonly DicomTag PhotometricInterpretation = new(0x0028, 0x0004);
    public static readonly DicomTag NumberOfFrames = new(0x0028, 0x0008);
    public static readonly DicomTag Rows = new(0x0028, 0x0010);
    public static readonly DicomTag Columns = new(0x0028, 0x0011);
    public static readonly DicomTag PixelSpacing = new(0x0028, 0x0030);
    public static readonly DicomTag BitsAllocated = new(0x0028, 0x0100);
    public static readonly DicomTag BitsStored = new(0x0028, 0x0101);
    public static readonly DicomTag HighBit = new(0x0028, 0x0102);
    public static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);
    public static readonly DicomTag RescaleIntercept = new(0x0028, 0x1052);
    public static readonly DicomTag RescaleSlope = new(0x0028, 0x1053);
    public static readonly DicomTag PixelData = new(0x7FE0, 0x0010);

    /// <summary>Start of a sequence item; item tags carry no VR even in explicit-VR syntaxes.</summary>
    public static readonly DicomTag Item = new(0xFFFE, 0xE000);

    public static readonly DicomTag ItemDelimitation = new(0xFFFE, 0xE00D);
    public static readonly DicomTag SequenceDelimitation = new(0xFFFE, 0xE0DD);

    /// <summary>The file meta group (0002) is always Explicit VR Little Endian, whatever the dataset uses.</summary>
    public bool IsFileMeta => Group == 0x0002;

    /// <summary>The DICOM keyword of a tag named above (e.g. <c>ImagePositionPatient</c>), else null.</summary>
    public string? Keyword => Keywords.GetValueOrDefault(this);

    /// <summary><c>(0020,0032) ImagePositionPatient</c>, or just the numbers for a tag not named above.</summary>
    public override string ToString() =>
        Keyword is { } keyword ? $"({Group:X4},{Element:X4}) {keyword}" : $"({Group:X4},{Element:X4})";

    private static Dictionary<DicomTag, string> Keywords { get; } = new()
    {
        [TransferSyntaxUid] = "TransferSyntaxUID",
        [SopClassUid] = "SOPClassUID",
        [Modality] = "Modality",
        [SeriesDescription] = "SeriesDescription",
        [SliceThickness] = "SliceThickness",
        [SeriesInstanceUid] = "SeriesInstanceUID",
        [InstanceNumber] = "InstanceNumber",
        [ImagePositionPatient] = "ImagePositionPatient",
        [ImageOrientationPatient] = "ImageOrientationPatient",
        [SamplesPerPixel] = "SamplesPerPixel",
        [PhotometricInterpretation] = "PhotometricInterpretation",
        [NumberOfFrames] = "NumberOfFrames",
        [Rows] = "Rows",
        [Columns] = "Columns",
        [PixelSpacing] = "PixelSpacing",
        [BitsAllocated] = "BitsAllocated",
        [BitsStored] = "BitsStored",
        [HighBit] = "HighBit",
        [PixelRepresentation] = "PixelRepresentation",
        [RescaleIntercept] = "RescaleIntercept",
        [RescaleSlope] = "RescaleSlope",
        [PixelData] = "PixelData",
    };
}
