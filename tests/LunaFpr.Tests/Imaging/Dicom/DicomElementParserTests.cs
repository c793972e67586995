using LunaFpr.Imaging;
using LunaFpr.Imaging.Dicom;

namespace LunaFpr.Tests.Imaging.Dicom;

public sealed class DicomElementParserTests : IDisposable
{
    private static readonly HashSet<DicomTag> Keep =
        [DicomTag.SeriesInstanceUid, DicomTag.ImagePositionPatient, DicomTag.Rows, DicomTag.RescaleIntercept];

    private readonly DicomTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(TestDicomImage.ExplicitLittle)]
    [InlineData(TestDicomImage.ImplicitLittle)]
    [InlineData(TestDicomImage.ExplicitBig)]
    public void ReadHeader_KeepsElementsAfterNestedSequences_InEveryNativeSyntax(string syntax)
    {
        var path = folder.Write("one.dcm", Image() with { TransferSyntaxUid = syntax });

        var header = DicomElementParser.ReadHeader(path, Keep)!;

        Assert.Equal(syntax, header.Syntax.Uid);
        Assert.Equal("1.2.826.0.1.3680043.8.498.1", header.GetString(DicomTag.SeriesInstanceUid));
        Assert.Equal([-50, -60.25, -100], header.GetDecimals(DicomTag.ImagePositionPatient)!);
        Assert.Equal((ushort)4, header.GetUInt16(DicomTag.Rows));
        Assert.Equal(-1024, header.GetDecimal(DicomTag.RescaleIntercept));
        Assert.Equal(new FileInfo(path).Length - 40, header.PixelDataOffset);
        Assert.Equal(40, header.PixelDataLength);
        Assert.False(header.Contains(DicomTag.Columns));
    }

    [Fact]
    public void ReadHeader_ReadsOnPastItsFirstBytes_WhenTheHeaderIsLong()
    {
        var path = folder.Write("long.dcm", Image() with { PrivateBytes = 100_000 });

        var header = DicomElementParser.ReadHeader(path, Keep)!;

        Assert.Equal(-1024, header.GetDecimal(DicomTag.RescaleIntercept));
        Assert.Equal(new FileInfo(path).Length - 40, header.PixelDataOffset);
    }

    [Fact]
    public void ReadHeader_ReadsABareImplicitDataset_WithoutPreambleOrFileMeta()
    {
        var path = folder.Write("old.dcm", Image() with
        {
            Bare = true,
            TransferSyntaxUid = TestDicomImage.ImplicitLittle,
        });

        var header = DicomElementParser.ReadHeader(path, Keep)!;

        Assert.Equal(TestDicomImage.ImplicitLittle, header.Syntax.Uid);
        Assert.Equal((ushort)4, header.GetUInt16(DicomTag.Rows));
        Assert.Equal(new FileInfo(path).Length - 40, header.PixelDataOffset);
    }

    [Fact]
    public void ReadHeader_ReturnsNull_WhenFileIsNotDicom()
    {
        var path = Path.Combine(folder.Path, "069.xml");
        File.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LidcReadMessage/>\n");

        Assert.Null(DicomElementParser.ReadHeader(path, Keep));
    }

    [Fact]
    public void ReadHeader_ThrowsNamingTheFile_WhenPixelDataIsTruncated()
    {
        var path = folder.Write("cut.dcm", Image());
        Truncate(path, new FileInfo(path).Length - 7);

        var error = Assert.Throws<InvalidDataException>(() => DicomElementParser.ReadHeader(path, Keep));

        Assert.Contains("cut.dcm", error.Message);
        Assert.Contains("(7FE0,0010) PixelData needs 40 bytes", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void ReadHeader_ThrowsNamingTheFile_WhenHeaderIsTruncated()
    {
        var path = folder.Write("cut.dcm", Image());
        Truncate(path, 300);

        var error = Assert.Throws<InvalidDataException>(() => DicomElementParser.ReadHeader(path, Keep));

        Assert.Contains("cut.dcm", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Read_ThrowsNamingTheFile_WhenOneFileOfTheSeriesIsTruncated()
    {
        folder.WriteAxialSeries(4);
        var path = Path.Combine(folder.Path, "slice002.dcm");
        Truncate(path, new FileInfo(path).Length - 1);

        var error = Assert.Throws<InvalidDataException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("slice002.dcm", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void ReadHeader_ThrowsSayingTheSyntaxMayBeWrong_WhenImplicitFileIsLabelledExplicit()
    {
        var path = folder.Write("mislabelled.dcm", Image() with
        {
            TransferSyntaxUid = TestDicomImage.ImplicitLittle,
            MetaTransferSyntaxUid = TestDicomImage.ExplicitLittle,
        });

        var error = Assert.Throws<InvalidDataException>(() => DicomElementParser.ReadHeader(path, Keep));

        Assert.Contains("mislabelled.dcm", error.Message);
        Assert.Contains("transfer syntax", error.Message);
    }

    private static TestDicomImage Image() => new()
    {
        Position = new Vector3D(-50, -60.25, -100),
        Intercept = -1024,
        Pixels = DicomTestFolder.Pattern(0, 4, 5),
    };

    private static void Truncate(string path, long length)
    {
        using var file = File.OpenWrite(path);
        file.SetLength(length);
    }
}
