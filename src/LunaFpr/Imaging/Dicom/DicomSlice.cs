namespace LunaFpr.Imaging.Dicom;

/// <summary>
/// One CT image of a series: what is needed to place it in the volume and turn its samples into HU,
/// checked when built so that a bad file fails with its name before any pixel is read.
/// </summary>
/// <remarks>
/// DICOM patient coordinates are LPS millimetres and are kept as they are, as LUNA16's MetaImages do.
/// <see cref="RowDirection"/> is the world direction of increasing column index (voxel x),
/// <see cref="ColumnDirection"/> that of increasing row index (voxel y).
/// </remarks>
public sealed record DicomSlice
{
    /// <summary>CT Image Storage; a file that names no modality is taken as CT when it carries this class.</summary>
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    public required string FilePath { get; init; }

    public required string SeriesUid { get; init; }

    /// <summary>ImagePositionPatient: world (x, y, z) in mm of the centre of the first pixel sent.</summary>
    public required Vector3D PositionMm { get; init; }

    /// <summary>
    /// Unit vector along a row, i.e. of increasing column index (first half of ImageOrientationPatient).
    /// </summary>
    public required Vector3D RowDirection { get; init; }

    /// <summary>
    /// Unit vector down a column, i.e. of increasing row index (second half of ImageOrientationPatient).
    /// </summary>
    public required Vector3D ColumnDirection { get; init; }

    public required int Rows { get; init; }

    public required int Columns { get; init; }

    /// <summary>Distance in mm between row centres (PixelSpacing's first value), the spacing along voxel y.</summary>
    public required double RowSpacingMm { get; init; }

    /// <summary>
    /// Distance in mm between column centres (PixelSpacing's second value), the spacing along voxel x.
    /// </summary>
    public required double ColumnSpacingMm { get; init; }

    public required DicomPixelFormat Format { get; init; }

    /// <summary>HU = stored value × <see cref="RescaleSlope"/> + <see cref="RescaleIntercept"/>.</summary>
    public required double RescaleSlope { get; init; }

    public required double RescaleIntercept { get; init; }

    /// <summary>SliceThickness (0018,0050) in mm; null when absent. Only a lone slice uses it, as its step.</summary>
    public double? SliceThicknessMm { get; init; }

    /// <summary>Byte offset of the pixel samples in the file.</summary>
    public required long PixelDataOffset { get; init; }

    /// <summary>The slice normal, RowDirection × ColumnDirection; slices are ordered along it.</summary>
    public Vector3D Normal => DicomVectors.Cross(RowDirection, ColumnDirection);

    public string FileName => Path.GetFileName(FilePath);

    /// <summary>Reads and checks the CT image attributes of <paramref name="dataset"/>.</summary>
    /// <exception cref="NotSupportedException">
    /// Not CT, compressed, multi-frame, colour, or more than 16 bits a sample.
    /// </exception>
    /// <exception cref="InvalidDataException">
    /// An attribute is missing or out of range, or pixels are truncated.
    /// </exception>
    public static DicomSlice FromDataset(DicomDataset dataset)
    {
        var file = dataset.FilePath;
        CheckSupported(dataset);
        var rows = RequireUInt16(dataset, DicomTag.Rows);
        var columns = RequireUInt16(dataset, DicomTag.Columns);
        var pixelSpacing = RequireDecimals(dataset, DicomTag.PixelSpacing, 2);
        var orientation = RequireDecimals(dataset, DicomTag.ImageOrientationPatient, 6);
        var position = RequireDecimals(dataset, DicomTag.ImagePositionPatient, 3);
        var format = DicomPixelFormat.FromDataset(dataset);
        if (rows == 0 || columns == 0 || !(pixelSpacing[0] > 0 && pixelSpacing[1] > 0))
        {
            throw new InvalidDataException(
                $"{file}: image of {rows} rows × {columns} columns with PixelSpacing {pixelSpacing[0]}\\" +
                $"{pixelSpacing[1]} mm; every one must be positive.");
        }

        CheckPixelData(dataset, (long)rows * columns * format.BytesPerSample);
        var (rowDirection, columnDirection) = DicomVectors.OrientationAxes(orientation, file);
        return new DicomSlice
        {
            FilePath = file,
            SeriesUid = dataset.GetString(DicomTag.SeriesInstanceUid)
                ?? throw Missing(file, DicomTag.SeriesInstanceUid),
            PositionMm = new Vector3D(position[0], position[1], position[2]),
            RowDirection = rowDirection,
            ColumnDirection = columnDirection,
            Rows = rows,
            Columns = columns,
            RowSpacingMm = pixelSpacing[0],
            ColumnSpacingMm = pixelSpacing[1],
            Format = format,
            RescaleSlope = RequireFinite(dataset, DicomTag.RescaleSlope, 1.0),
            RescaleIntercept = RequireFinite(dataset, DicomTag.RescaleIntercept, 0.0),
            SliceThicknessMm = dataset.GetDecimal(DicomTag.SliceThickness),
            PixelDataOffset = dataset.PixelDataOffset,
        };
    }

    /// <summary>CT, native pixels, one grey sample a pixel, one frame: else not supported, naming the file.</summary>
    private static void CheckSupported(DicomDataset dataset)
    {
        var file = dataset.FilePath;
        var modality = dataset.GetString(DicomTag.Modality);
        var sopClass = dataset.GetString(DicomTag.SopClassUid);
        if (modality is not null && modality != "CT")
        {
            throw new NotSupportedException(
                $"{file}: modality {modality} is not supported; LunaFpr reads CT series only.");
        }

        if (modality is null && sopClass is not null && sopClass != CtImageStorage)
        {
            throw new NotSupportedException(
                $"{file}: SOP class {sopClass} is not CT Image Storage ({CtImageStorage}); " +
                "LunaFpr reads CT series only.");
        }

        if (!dataset.Syntax.IsNative)
        {
            throw new NotSupportedException(
                $"{file}: transfer syntax {dataset.Syntax} is compressed, which LunaFpr does not decode; it reads " +
                $"{TransferSyntax.SupportedNames}. Decompress the series first (e.g. gdcmconv --raw, or dcmdjpeg).");
        }

        if (dataset.GetUInt16(DicomTag.SamplesPerPixel) is { } samples and not 1)
        {
            throw new NotSupportedException($"{file}: {samples} samples per pixel; a CT image has one (grey).");
        }

        if (dataset.GetIntegerString(DicomTag.NumberOfFrames) is { } frames and > 1)
        {
            throw new NotSupportedException(
                $"{file}: {frames} frames in one file (enhanced multi-frame CT); LunaFpr reads one image per file.");
        }
    }

    private static void CheckPixelData(DicomDataset dataset, long needed)
    {
        if (!dataset.HasPixelData)
        {
            throw new InvalidDataException(
                $"{dataset.FilePath}: no pixel data {DicomTag.PixelData}; the file is not an image, or is truncated.");
        }

        if (dataset.PixelDataLength < 0)
        {
            throw new InvalidDataException(
                $"{dataset.FilePath}: pixel data is encapsulated (compressed) but the transfer syntax says " +
                $"{dataset.Syntax}; the file is mislabelled.");
        }

        if (dataset.PixelDataLength < needed)
        {
            throw new InvalidDataException(
                $"{dataset.FilePath}: pixel data holds {dataset.PixelDataLength} bytes, but rows × columns × bytes " +
                $"per sample needs {needed}. The file is truncated or its image attributes are wrong.");
        }
    }

    private static ushort RequireUInt16(DicomDataset dataset, DicomTag tag) =>
        dataset.GetUInt16(tag) ?? throw Missing(dataset.FilePath, tag);

    private static double[] RequireDecimals(DicomDataset dataset, DicomTag tag, int count)
    {
        var values = dataset.GetDecimals(tag) ?? throw Missing(dataset.FilePath, tag);
        if (values.Length < count || values.Take(count).Any(v => !double.IsFinite(v)))
        {
            throw new InvalidDataException(
                $"{dataset.FilePath}: {tag} holds {values.Length} values ({string.Join('\\', values)}); " +
                $"it needs {count} finite numbers.");
        }

        return values;
    }

    private static double RequireFinite(DicomDataset dataset, DicomTag tag, double absent)
    {
        var value = dataset.GetDecimal(tag) ?? absent;
        return double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{dataset.FilePath}: {tag} is {value}; it must be a finite number.");
    }

    private static InvalidDataException Missing(string file, DicomTag tag) =>
        new($"{file}: {tag} is missing or empty; a CT image needs it to be placed in a volume.");
}
