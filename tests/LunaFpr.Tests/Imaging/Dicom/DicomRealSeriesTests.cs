using LunaFpr.Imaging;
using LunaFpr.Imaging.Dicom;
using LunaFpr.Imaging.MetaImage;
using LunaFpr.Tests.Support;

namespace LunaFpr.Tests.Imaging.Dicom;

/// <summary>
/// The real LIDC-IDRI-0001 series (133 axial slices under shuffled file names, beside the readers' 069.xml)
/// against the MetaImage LUNA16 made of it.
/// </summary>
public sealed class DicomRealSeriesTests
{
    private const string SeriesUid = "1.3.6.1.4.1.14519.5.2.1.6279.6001.179049373636438705059720603192";

    private static string DicomFolder => Path.Combine(TestFiles.SharedData, "lidc-idri-0001", "dicom");

    private static string MetaImageFile =>
        Path.Combine(TestFiles.SharedData, "lidc-idri-0001", "mhd", SeriesUid + ".mhd");

    [Fact]
    public void ListSeries_FindsTheOneSeriesOfLidc0001_AndSkipsItsXml()
    {
        var logger = new ListLogger();

        var series = DicomSeriesReader.ListSeries(DicomFolder, logger);

        Assert.Equal([new DicomSeriesSummary(SeriesUid, "CT", null, 133, "Explicit VR Little Endian")],
            series);
        Assert.Equal(["Skipping 069.xml in " + DicomFolder + ": not a DICOM file"], logger.Warnings());
    }

    [Fact]
    public void Read_GivesLidc0001ExactlyTheVoxelsAndGeometryOfItsMetaImage()
    {
        var dicom = DicomSeriesReader.Read(DicomFolder);
        var metaImage = MetaImageReader.ReadScan(MetaImageFile);

        Assert.Equal(SeriesUid, dicom.SeriesUid);
        Assert.Equal(metaImage.Size, dicom.Size);
        AssertClose(metaImage.Origin, dicom.Origin);
        AssertClose(metaImage.Spacing, dicom.Spacing);
        Assert.True(dicom.Direction.ApproximatelyEquals(metaImage.Direction, 1e-4),
            $"direction {dicom.Direction} differs from the MetaImage's {metaImage.Direction}");
        var firstDifference = dicom.Voxels.AsSpan().CommonPrefixLength(metaImage.Voxels);
        Assert.True(firstDifference == metaImage.Voxels.Length,
            $"voxel {firstDifference} differs: {Describe(dicom, firstDifference)} from DICOM, " +
            $"{Describe(metaImage, firstDifference)} in the MetaImage");
    }

    [Fact]
    public void ScanFiles_ReadsADicomFolder_AsItsSeries()
    {
        var scan = ScanFiles.Read(DicomFolder);

        Assert.Equal(SeriesUid, scan.SeriesUid);
        Assert.Equal(new VolumeSize(512, 512, 133), scan.Size);

        // annotations.csv: the 23.35 mm nodule at world (56.21, 86.34, -115.87) mm, soft tissue at its centre.
        var centre = scan.WorldToIndexZyx(new Vector3D(56.20840547, 86.34341278, -115.8675792));
        Assert.Equal(new IndexZyx(90, 367, 316), centre);
        Assert.Equal(91, scan[centre]);
    }

    private static void AssertClose(Vector3D expected, Vector3D actual)
    {
        Assert.True(Vector3D.Distance(expected, actual) <= 1e-4,
            $"{actual} differs from {expected} by more than 1e-4 mm");
    }

    private static string Describe(Scan scan, int index) =>
        index < scan.Voxels.Length ? $"{scan.Voxels[index]}" : "the end";
}
