using LunaFpr.Imaging;
using LunaFpr.Imaging.Dicom;
using LunaFpr.Tests.Support;

namespace LunaFpr.Tests.Imaging.Dicom;

public sealed class DicomSeriesGeometryTests : IDisposable
{
    private readonly DicomTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_ThrowsNamingTheOddFile_WhenSliceSizesDiffer()
    {
        folder.WriteAxialSeries(4, (image, k) => k == 2
            ? image with { Rows = 3, Columns = 3, Pixels = new int[9] }
            : image);

        var error = Assert.Throws<InvalidDataException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("image size", error.Message);
        Assert.Contains("3 files have 4\\5", error.Message);
        Assert.Contains("3\\3 in slice002.dcm", error.Message);
    }

    [Fact]
    public void Read_ThrowsNamingTheOddFile_WhenOrientationsDiffer()
    {
        folder.WriteAxialSeries(4, (image, k) => k == 1 ? image with { Orientation = [0, 1, 0, 1, 0, 0] } : image);

        var error = Assert.Throws<InvalidDataException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("image orientation", error.Message);
        Assert.Contains("slice001.dcm", error.Message);
        Assert.DoesNotContain("slice000.dcm", error.Message);
    }

    [Fact]
    public void Read_ThrowsNamingTheOddFile_WhenPixelSpacingsDiffer()
    {
        folder.WriteAxialSeries(3, (image, k) => k == 0 ? image with { RowSpacing = 0.75 } : image);

        var error = Assert.Throws<InvalidDataException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("pixel spacing", error.Message);
        Assert.Contains("0.75\\0.8 in slice000.dcm", error.Message);
    }

    [Fact]
    public void Read_ThrowsNamingBothFiles_WhenTwoSlicesShareAPosition()
    {
        folder.WriteAxialSeries(3);
        folder.Write("copy.dcm", new TestDicomImage
        {
            Position = new Vector3D(-50, -60, -97.5),
            Pixels = DicomTestFolder.Pattern(1, 4, 5),
        });

        var error = Assert.Throws<InvalidDataException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("same position", error.Message);
        Assert.Contains("copy.dcm", error.Message);
        Assert.Contains("slice001.dcm", error.Message);
        Assert.Contains("-97.5 mm", error.Message);
    }

    [Fact]
    public void Read_ThrowsNamingTheFilesAroundIt_WhenASliceIsMissing()
    {
        folder.WriteAxialSeries(6);
        File.Delete(Path.Combine(folder.Path, "slice003.dcm"));

        var error = Assert.Throws<InvalidDataException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("slice002.dcm → slice004.dcm steps 5 mm", error.Message);
        Assert.Contains("mostly steps 2.5 mm", error.Message);
    }

    [Fact]
    public void Read_WarnsAndSpansFirstToLastSlice_WhenIrregularSpacingIsAllowed()
    {
        folder.WriteAxialSeries(6);
        File.Delete(Path.Combine(folder.Path, "slice003.dcm"));
        var logger = new ListLogger();

        var scan = DicomSeriesReader.Read(folder.Path, options: new DicomReadOptions { AllowIrregularSpacing = true },
            logger: logger);

        Assert.Equal(5, scan.Size.Z);
        Assert.Equal(12.5 / 4, scan.Spacing.Z, 9);
        Assert.Equal(-100, scan.Origin.Z, 9);
        Assert.Equal(500 + 34, scan[4, 3, 4]);
        Assert.Contains(logger.Warnings(), w => w.Contains("slice002.dcm → slice004.dcm"));
    }

    [Fact]
    public void Read_KeepsTheTrueStepDirection_WhenSlicesAreShearedByGantryTilt()
    {
        // Axial images whose positions also move 0.5 mm in y per 2.5 mm slice, as a tilted gantry gives.
        folder.WriteAxialSeries(3, (image, k) => image with
        {
            Position = new Vector3D(-50, -60 + 0.5 * k, -100 + 2.5 * k),
        });
        var logger = new ListLogger();

        var scan = DicomSeriesReader.Read(folder.Path, logger: logger);

        var step = Math.Sqrt(0.5 * 0.5 + 2.5 * 2.5);
        Assert.Equal(step, scan.Spacing.Z, 9);
        Assert.Equal(0.5 / step, scan.Direction[1, 2], 9);
        Assert.Equal(new IndexZyx(2, 1, 3), scan.WorldToIndexZyx(new Vector3D(-50 + 3 * 0.8, -60 + 1.0 + 0.7, -95)));
        Assert.Contains(logger.Warnings(), w => w.Contains("gantry tilt"));
    }

    [Fact]
    public void Read_TakesSliceThicknessAsStep_WhenSeriesHasOneSlice()
    {
        folder.WriteAxialSeries(1);

        var scan = DicomSeriesReader.Read(folder.Path);

        Assert.Equal(new VolumeSize(5, 4, 1), scan.Size);
        Assert.Equal(2.5, scan.Spacing.Z);
    }
}
