using LunaFpr.Imaging;
using LunaFpr.Imaging.Dicom;
using LunaFpr.Tests.Support;

namespace LunaFpr.Tests.Imaging.Dicom;

public sealed class DicomSeriesReaderTests : IDisposable
{
    private readonly DicomTestFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_OrdersSlicesByPositionAlongNormal_WhenFileNamesAndInstanceNumbersAreShuffled()
    {
        // File names and instance numbers both run against position, so only the position can order them.
        int[] nameOrder = [3, 0, 4, 1, 2];
        folder.WriteAxialSeries(5, (image, k) => image with { InstanceNumber = 5 - k },
            k => $"{nameOrder[k]}.dcm");

        var scan = DicomSeriesReader.Read(folder.Path);

        Assert.Equal(new VolumeSize(5, 4, 5), scan.Size);
        Assert.Equal(new Vector3D(-50, -60, -100), scan.Origin);
        Assert.Equal(0.8, scan.Spacing.X, 9);
        Assert.Equal(0.7, scan.Spacing.Y, 9);
        Assert.Equal(2.5, scan.Spacing.Z, 9);
        Assert.Equal(Direction.Identity, scan.Direction);
        for (var z = 0; z < 5; z++)
        {
            Assert.Equal(100 * z + 10 * 3 + 4, scan[z, 3, 4]);
            Assert.Equal(100 * z + 10 * 1 + 2, scan[z, 1, 2]);
        }
    }

    [Fact]
    public void Read_PlacesEveryVoxelAtItsDicomWorldPosition_WhenOrientationIsTilted()
    {
        // Rows tilted 30° about x; slices 2 mm apart along the normal, written in reverse order.
        var (sin, cos) = Math.SinCos(Math.PI / 6);
        var row = new Vector3D(1, 0, 0);
        var column = new Vector3D(0, cos, sin);
        var normal = new Vector3D(0, -sin, cos);
        var first = new Vector3D(10, 20, 30);
        folder.WriteAxialSeries(3, (image, k) => image with
        {
            Orientation = [row.X, row.Y, row.Z, column.X, column.Y, column.Z],
            Position = first + normal * (2.0 * (2 - k)),
            Pixels = DicomTestFolder.Pattern(2 - k, 4, 5),
        });

        var scan = DicomSeriesReader.Read(folder.Path);

        Assert.True(scan.Direction.ApproximatelyEquals(
            Direction.FromColumns([row.X, row.Y, row.Z, column.X, column.Y, column.Z, normal.X, normal.Y, normal.Z]),
            1e-6));
        Assert.Equal(2.0, scan.Spacing.Z, 5);
        for (var k = 0; k < 3; k++)
        {
            // DICOM (PS3.3 C.7.6.2.1.1): pixel (r, c) of slice k sits at its position + c·Δc·row + r·Δr·column.
            var world = first + normal * (2.0 * k) + row * (4 * 0.8) + column * (2 * 0.7);
            var index = scan.WorldToIndexZyx(world);
            Assert.Equal(new IndexZyx(k, 2, 4), index);
            Assert.Equal(100 * k + 10 * 2 + 4, scan[index]);
        }
    }

    [Fact]
    public void Read_AppliesRescaleSlopeAndIntercept_RoundingHalvesAwayFromZero()
    {
        int[] stored = [0, 3, -3, 1000, 30000, -30000, 7, 8];
        folder.WriteAxialSeries(2, (image, _) => image with
        {
            Rows = 2, Columns = 4, Pixels = stored, Slope = 0.5, Intercept = -1024,
        });

        var scan = DicomSeriesReader.Read(folder.Path);

        // 3 × 0.5 − 1024 = −1022.5 rounds to −1023, −3 × 0.5 − 1024 = −1025.5 to −1026.
        short[] expected = [-1024, -1023, -1026, -524, 13976, -16024, -1021, -1020];
        Assert.Equal(expected, scan.Voxels[..8]);
        Assert.Equal(expected, scan.Voxels[8..]);
    }

    [Fact]
    public void Read_AddsIntegerIntercept_AcrossWholeVectorsAndSaturates()
    {
        // 16 × 16 samples run through the vector path and its scalar tail alike.
        var stored = Enumerable.Range(0, 256).Select(i => i * 250 - 32000).ToArray();
        stored[255] = 32767;
        folder.WriteAxialSeries(2, (image, _) => image with
        {
            Rows = 16, Columns = 16, Pixels = stored, Intercept = -1024,
        });

        var scan = DicomSeriesReader.Read(folder.Path);

        var expected = stored.Select(s => (short)Math.Max(short.MinValue, s - 1024)).ToArray();
        Assert.Equal(expected, scan.Voxels[..256]);
        Assert.Equal(short.MinValue, scan.Voxels[0]);
        Assert.Equal(32767 - 1024, scan.Voxels[255]);
    }

    [Fact]
    public void Read_MasksUnsignedPixels_WhenBitsStoredIsBelowBitsAllocated()
    {
        // 12 bits stored; bits 12–15 carry overlay garbage that must not reach HU.
        // Four repeats of eight words, so that both the vector path and its scalar tail see them.
        int[] words = [0x0000, 0x0FFF, 0xF123, 0x7400, 0x8001, 0x0400, 0x1000, 0xFFFF];
        folder.WriteAxialSeries(2, (image, _) => image with
        {
            Rows = 4, Columns = 9, Pixels = [.. Repeat(words, 4), 0x0FFF, 0xF001, 0x0002, 0x0003],
            Signed = false, BitsStored = 12, HighBit = 11, Intercept = -1024,
        });

        var scan = DicomSeriesReader.Read(folder.Path);

        short[] hu = [-1024, 4095 - 1024, 0x123 - 1024, 0x400 - 1024, 1 - 1024, 0, -1024, 3071];
        Assert.Equal([.. Repeat(hu, 4), 3071, -1023, -1022, -1021], scan.Voxels[..36]);
    }

    [Fact]
    public void Read_SignExtendsSignedPixels_WhenBitsStoredIsBelowBitsAllocated()
    {
        // 12-bit two's complement: 0x0FFF is −1, 0x0800 is −2048; the top four bits are ignored.
        int[] words = [0x0FFF, 0x0800, 0x07FF, 0xF001, 0x0000, 0xFFFE, 0x1234, 0x0005];
        folder.WriteAxialSeries(2, (image, _) => image with
        {
            Rows = 4, Columns = 9, Pixels = [.. Repeat(words, 4), 0x0FFF, 0x0800, 0x07FF, 0xF001],
            BitsStored = 12, HighBit = 11,
        });

        var scan = DicomSeriesReader.Read(folder.Path);

        short[] hu = [-1, -2048, 2047, 1, 0, -2, 0x234, 5];
        Assert.Equal([.. Repeat(hu, 4), -1, -2048, 2047, 1], scan.Voxels[..36]);
    }

    [Fact]
    public void Read_TakesTheStoredBitsBelowHighBit_WhenTheyDoNotStartAtBitZero()
    {
        // 12 bits stored in bits 2–13 (HighBit 13): the value is the word shifted right by two, masked to 12 bits.
        int[] words = [0x0FFF << 2, (0x0123 << 2) | 0b11, 0xC000 | (5 << 2)];
        folder.WriteAxialSeries(2, (image, _) => image with
        {
            Rows = 1, Columns = 3, Pixels = words, Signed = false, BitsStored = 12, HighBit = 13,
        });

        var scan = DicomSeriesReader.Read(folder.Path);

        Assert.Equal(new short[] { 0x0FFF, 0x0123, 5 }, scan.Voxels[..3]);
    }

    [Fact]
    public void Read_DecodesUnsignedSixteenBitPixels_AboveTheSignedRange()
    {
        int[] words = [0, 1024, 40000, 65535];
        folder.WriteAxialSeries(2, (image, _) => image with
        {
            Rows = 2, Columns = 2, Pixels = words, Signed = false, Intercept = -1024,
        });

        var scan = DicomSeriesReader.Read(folder.Path);

        Assert.Equal(new short[] { -1024, 0, 32767, 32767 }, scan.Voxels[..4]);
    }

    [Theory]
    [InlineData(TestDicomImage.ExplicitLittle)]
    [InlineData(TestDicomImage.ImplicitLittle)]
    [InlineData(TestDicomImage.ExplicitBig)]
    public void Read_GivesTheSameScan_InEveryNativeTransferSyntax(string syntax)
    {
        folder.WriteAxialSeries(3, (image, _) => image with { TransferSyntaxUid = syntax, Intercept = -1024 });

        var scan = DicomSeriesReader.Read(folder.Path);

        Assert.Equal(new VolumeSize(5, 4, 3), scan.Size);
        Assert.Equal(new Vector3D(-50, -60, -100), scan.Origin);
        Assert.Equal(200 + 10 * 3 + 4 - 1024, scan[2, 3, 4]);
        Assert.Equal(-1024, scan[0, 0, 0]);
    }

    [Fact]
    public void Read_DecodesEightBitSamples()
    {
        folder.WriteAxialSeries(2, (image, _) => image with
        {
            Rows = 1, Columns = 3, Pixels = [0, 200, 255], BitsAllocated = 8, BitsStored = 8, HighBit = 7,
            Signed = false, Slope = 2, Intercept = -100,
        });

        var scan = DicomSeriesReader.Read(folder.Path);

        Assert.Equal(new short[] { -100, 300, 410 }, scan.Voxels[..3]);
    }

    [Fact]
    public void Read_ThrowsNotSupportedNamingFileAndSyntax_WhenPixelsAreCompressed()
    {
        folder.WriteAxialSeries(2);
        folder.Write("jpeg.dcm", new TestDicomImage
        {
            TransferSyntaxUid = TestDicomImage.Jpeg2000Lossless,
            Position = new Vector3D(-50, -60, -95),
            Pixels = DicomTestFolder.Pattern(2, 4, 5),
        });

        var error = Assert.Throws<NotSupportedException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("jpeg.dcm", error.Message);
        Assert.Contains("JPEG 2000", error.Message);
        Assert.Contains(TestDicomImage.Jpeg2000Lossless, error.Message);
    }

    [Fact]
    public void Read_ThrowsNotSupportedNamingFileAndSyntax_WhenPixelsAreRunLengthEncoded()
    {
        folder.WriteAxialSeries(2, (image, _) => image with { TransferSyntaxUid = TestDicomImage.RleLossless });

        var error = Assert.Throws<NotSupportedException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("slice000.dcm", error.Message);
        Assert.Contains("RLE Lossless", error.Message);
    }

    [Fact]
    public void Read_ThrowsNotSupportedNamingFileAndModality_WhenSeriesIsNotCt()
    {
        folder.WriteAxialSeries(2, (image, _) => image with { Modality = "MR" });

        var error = Assert.Throws<NotSupportedException>(() => DicomSeriesReader.Read(folder.Path));

        Assert.Contains("slice000.dcm", error.Message);
        Assert.Contains("modality MR", error.Message);
    }

    [Fact]
    public void Read_SkipsNonDicomFileWithWarning_AndReadsTheSeries()
    {
        folder.WriteAxialSeries(3);
        File.WriteAllText(Path.Combine(folder.Path, "069.xml"), "<?xml version=\"1.0\"?><LidcReadMessage/>");
        var logger = new ListLogger();

        var scan = DicomSeriesReader.Read(folder.Path, logger: logger);

        Assert.Equal(3, scan.Size.Z);
        Assert.Contains(logger.Warnings(), w => w.Contains("069.xml") && w.Contains("not a DICOM file"));
    }

    private static T[] Repeat<T>(T[] items, int times) =>
        Enumerable.Repeat(items, times).SelectMany(x => x).ToArray();
}
