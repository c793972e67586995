using LunaFpr.Imaging;
using LunaFpr.Imaging.Dicom;

namespace LunaFpr.Tests.Imaging.Dicom;

public sealed class DicomSeriesIndexTests : IDisposable
{
    private const string First = "1.2.826.0.1.3680043.8.498.10";
    private const string Second = "1.2.826.0.1.3680043.8.498.20";

    private readonly DicomTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ListSeries_ListsEverySeriesWithUidAndSliceCount_WhenFolderHoldsSeveral()
    {
        WriteTwoSeries();

        var series = DicomSeriesReader.ListSeries(folder.Path);

        Assert.Equal(
        [
            new DicomSeriesSummary(First, "CT", null, 3, "Explicit VR Little Endian"),
            new DicomSeriesSummary(Second, "CT", null, 2, "Implicit VR Little Endian"),
        ], series);
    }

    [Fact]
    public void Read_ReadsTheSeriesAskedFor_WhenFolderHoldsSeveral()
    {
        WriteTwoSeries();

        var scan = DicomSeriesReader.Read(folder.Path, Second);

        Assert.Equal(Second, scan.SeriesUid);
        Assert.Equal(2, scan.Size.Z);
        Assert.Equal(new Vector3D(0, 0, 10), scan.Origin);
        Assert.Equal(5.0, scan.Spacing.Z, 9);
    }

    [Fact]
    public void Read_ThrowsListingTheSeries_WhenFolderHoldsSeveralAndNoneIsNamed()
    {
        WriteTwoSeries();

        var error = Assert.Throws<ArgumentException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("holds 2 series", error.Message);
        Assert.Contains($"{First} (CT, 3 slices", error.Message);
        Assert.Contains($"{Second} (CT, 2 slices", error.Message);
    }

    [Fact]
    public void Read_ThrowsListingTheSeries_WhenTheNamedSeriesIsAbsent()
    {
        WriteTwoSeries();

        var error = Assert.Throws<ArgumentException>(() => DicomSeriesReader.Read(folder.Path, "9.9.9"));

        Assert.Contains("Series 9.9.9 is not in", error.Message);
        Assert.Contains(First, error.Message);
    }

    [Fact]
    public void Load_ThrowsInvalidData_WhenFolderHoldsNoDicom()
    {
        File.WriteAllText(Path.Combine(folder.Path, "notes.txt"), "nothing here");

        var error = Assert.Throws<InvalidDataException>(() => DicomSeriesIndex.Load(folder.Path));

        Assert.Contains("no DICOM image series", error.Message);
    }

    [Fact]
    public void Load_ThrowsDirectoryNotFound_WhenFolderIsMissing()
    {
        Assert.Throws<DirectoryNotFoundException>(() => DicomSeriesIndex.Load(Path.Combine(folder.Path, "absent")));
    }

    private void WriteTwoSeries()
    {
        folder.WriteAxialSeries(3, (image, _) => image with { SeriesUid = First }, k => $"a{k}.dcm");
        for (var k = 0; k < 2; k++)
        {
            folder.Write($"b{k}.dcm", new TestDicomImage
            {
                SeriesUid = Second,
                TransferSyntaxUid = TestDicomImage.ImplicitLittle,
                Position = new Vector3D(0, 0, 10 + 5 * k),
                Pixels = DicomTestFolder.Pattern(k, 4, 5),
            });
        }
    }
}
