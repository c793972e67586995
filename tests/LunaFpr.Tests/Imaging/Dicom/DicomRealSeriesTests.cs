using LunaFpr.Imaging;
using LunaFpr.Imaging.Dicom;

namespace LunaFpr.Tests.Imaging.Dicom;

/// <summary>The real LIDC-IDRI-0001 series: 133 axial slices in shuffled file names beside the readers' XML.</summary>
public sealed class DicomRealSeriesTests
{
    [Fact]
    public void ListSeries_FindsTheOneSeriesOfLidc0001_AndSkipsItsXml()
    {
        var logger = new ListLogger();

        var series = DicomSeriesReader.ListSeries(LidcData.DicomFolder, logger);

        Assert.Equal([new DicomSeriesSummary(LidcData.SeriesUid, "CT", null, 133, "Explicit VR Little Endian")],
            series);
        Assert.Equal(["Skipping 069.xml in " + LidcData.DicomFolder + ": not a DICOM file"], logger.Warnings);
    }

    [Fact]
    public void Read_GivesLidc0001TheGeometryAndVoxelsOfItsLuna16MetaImage()
    {
        var scan = DicomSeriesReader.Read(LidcData.DicomFolder);

        // Figures from the series' MetaImage (Offset, ElementSpacing, DimSize) and its decompressed voxels.
        Assert.Equal(LidcData.SeriesUid, scan.SeriesUid);
        Assert.Equal(new VolumeSize(512, 512, 133), scan.Size);
        Assert.Equal(new Vector3D(0.703125, 0.703125, 2.5), scan.Spacing);
        Assert.Equal(-166.0, scan.Origin.X, 4);
        Assert.Equal(-171.699997, scan.Origin.Y, 4);
        Assert.Equal(-340.0, scan.Origin.Z, 4);
        Assert.True(scan.Direction.ApproximatelyEquals(Direction.Identity, 1e-4));
        Assert.Equal(-2048, scan[0, 0, 0]);
        Assert.Equal(399, scan[66, 256, 256]);
        Assert.Equal(-928, scan[90, 317, 367]);
        Assert.Equal(-979, scan[10, 100, 400]);
        Assert.Equal(91, scan[scan.WorldToIndexZyx(new Vector3D(56.21, 86.34, -115.87))]);
        Assert.Equal(-28_831_525_777L, scan.Voxels.Sum(v => (long)v));
    }
}
