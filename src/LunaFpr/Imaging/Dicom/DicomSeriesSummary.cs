namespace LunaFpr.Imaging.Dicom;

/// <summary>One series found in a DICOM folder, as listed before any pixel is read.</summary>
/// <param name="SeriesUid">SeriesInstanceUID (0020,000E); LUNA16 names its scans by it.</param>
/// <param name="Modality">Modality (0008,0060), e.g. CT; null when the files do not say.</param>
/// <param name="Description">SeriesDescription (0008,103E); null when absent.</param>
/// <param name="SliceCount">Number of files (one image each) in the series.</param>
/// <param name="TransferSyntax">Name of the first file's transfer syntax, e.g. Explicit VR Little Endian.</param>
public sealed record DicomSeriesSummary(
    string SeriesUid,
    string? Modality,
    string? Description,
    int SliceCount,
    string TransferSyntax)
{
    public override string ToString() =>
        $"{SeriesUid} ({Modality ?? "no modality"}, {SliceCount} slices, {TransferSyntax})";
}
