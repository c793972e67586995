using LunaFpr.Imaging;
using LunaFpr.Imaging.MetaImage;

namespace LunaFpr.Tests.Imaging.MetaImage;

public sealed class MetaImageRoundTripTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [MemberData(nameof(Volumes.ElementTypesAndByteOrders), MemberType = typeof(Volumes))]
    public void Volume_ReadsBackExactly_ForEveryElementTypeAndByteOrder(MetaImageElementType type, bool bigEndian)
    {
        var written = Volumes.Pattern(type);
        var path = folder.File("volume.mhd");

        MetaImageWriter.Write(written, path, bigEndian: bigEndian);
        var read = MetaImageReader.Read(path);

        AssertSame(written, read);
        Assert.Equal(written.Size.VoxelCount * type.SizeInBytes(), new FileInfo(folder.File("volume.raw")).Length);
        Assert.Equal(bigEndian, MetaImageReader.ReadHeader(path).BigEndian);
    }

    [Theory]
    [MemberData(nameof(Volumes.ElementTypes), MemberType = typeof(Volumes))]
    public void Volume_ReadsBackExactly_WhenCompressed(MetaImageElementType type)
    {
        var written = Volumes.Pattern(type);
        var path = folder.File("volume.mhd");

        MetaImageWriter.Write(written, path, compress: true, bigEndian: type == MetaImageElementType.Int);
        var read = MetaImageReader.Read(path);

        AssertSame(written, read);
        var header = MetaImageReader.ReadHeader(path);
        Assert.True(header.Compressed);
        Assert.Equal("volume.zraw", header.ElementDataFile);
        Assert.Equal(new FileInfo(folder.File("volume.zraw")).Length, header.CompressedDataSize);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Volume_ReadsBackExactly_AsMhaWithLocalData(bool compress)
    {
        var written = Volumes.Pattern(MetaImageElementType.Double);
        var path = folder.File("volume.mha");

        MetaImageWriter.Write(written, path, compress);
        var read = MetaImageReader.Read(path);

        AssertSame(written, read);
        Assert.True(MetaImageReader.ReadHeader(path).IsLocal);
        Assert.Equal([".mha"], Directory.GetFiles(folder.Path).Select(Path.GetExtension));
    }

    [Fact]
    public void Data_IsReadAfterTheSkippedBytes_WhenHeaderSizeIsPositive()
    {
        var written = Volumes.Pattern(MetaImageElementType.Short);
        var path = folder.File("volume.mhd");
        MetaImageWriter.Write(written, path);
        PrependJunk(folder.File("volume.raw"), 100);
        HeaderEdits.Set(path, "HeaderSize", "100");

        AssertSame(written, MetaImageReader.Read(path));
    }

    [Theory]
    [InlineData("volume.mhd", 0)]
    [InlineData("volume.mhd", 333)]
    [InlineData("volume.mha", 0)]
    public void Data_IsReadFromTheEndOfTheFile_WhenHeaderSizeIsMinusOne(string name, int junkBytes)
    {
        var written = Volumes.Pattern(MetaImageElementType.Float);
        var path = folder.File(name);
        MetaImageWriter.Write(written, path);
        if (name.EndsWith(".mhd"))
        {
            PrependJunk(folder.File("volume.raw"), junkBytes);
            HeaderEdits.Set(path, "HeaderSize", "-1");
        }
        else
        {
            var bytes = File.ReadAllBytes(path);
            var text = System.Text.Encoding.ASCII.GetBytes("HeaderSize = -1\n");
            File.WriteAllBytes(path, [.. text, .. bytes]);
        }

        AssertSame(written, MetaImageReader.Read(path));
    }

    [Fact]
    public void CompressedData_IsReadFromTheEndOfTheFile_WhenHeaderSizeIsMinusOne()
    {
        var written = Volumes.Pattern(MetaImageElementType.UShort);
        var path = folder.File("volume.mhd");
        MetaImageWriter.Write(written, path, compress: true);
        PrependJunk(folder.File("volume.zraw"), 57);
        HeaderEdits.Set(path, "HeaderSize", "-1");

        AssertSame(written, MetaImageReader.Read(path));
    }

    [Fact]
    public void BigEndianShorts_ReadMostSignificantByteFirst_InAFileWrittenByHand()
    {
        var path = folder.File("hand.mhd");
        File.WriteAllText(path, "NDims = 3\nDimSize = 2 1 1\nElementType = MET_SHORT\n" +
            "ElementByteOrderMSB = True\nElementDataFile = hand.raw\n");
        File.WriteAllBytes(folder.File("hand.raw"), [0x01, 0x02, 0xFF, 0xFE]);

        var scan = MetaImageReader.ReadScan(path);

        Assert.Equal([258, -2], scan.Voxels);
    }

    [Fact]
    public void Scan_ReadsBackWithItsGeometry_AndTheFileNameAsSeriesUid()
    {
        var voxels = Enumerable.Range(0, 60).Select(i => (short)(i * 50 - 1000)).ToArray();
        var scan = new Scan("x", Volumes.Size, Volumes.Spacing, Volumes.Origin, Volumes.Rotated, voxels);
        var path = folder.File("1.2.840.113.mhd");

        MetaImageWriter.Write(scan, path);
        var read = ScanFiles.Read(path);

        Assert.Equal("1.2.840.113", read.SeriesUid);
        Assert.Equal(scan.Voxels, read.Voxels);
        Assert.Equal(scan.Spacing, read.Spacing);
        Assert.Equal(scan.Origin, read.Origin);
        Assert.Equal(scan.Direction, read.Direction);
    }

    [Fact]
    public void Write_ReplacesAnOldScan_AndLeavesNoTemporaryFiles()
    {
        var path = folder.File("scan.mhd");
        MetaImageWriter.Write(Volumes.Pattern(MetaImageElementType.Short), path, compress: true);
        var second = Volumes.Pattern(MetaImageElementType.UChar);

        MetaImageWriter.Write(second, path, compress: true);

        AssertSame(second, MetaImageReader.Read(path));
        Assert.Equal(["scan.mhd", "scan.zraw"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    private static void PrependJunk(string path, int count)
    {
        var junk = Enumerable.Range(0, count).Select(i => (byte)(i * 7 + 1));
        File.WriteAllBytes(path, [.. junk, .. File.ReadAllBytes(path)]);
    }

    private static void AssertSame(MetaImageVolume expected, MetaImageVolume actual)
    {
        Assert.Equal(expected.ElementType, actual.ElementType);
        Assert.Equal(expected.Size, actual.Size);
        Assert.Equal(expected.Spacing, actual.Spacing);
        Assert.Equal(expected.Origin, actual.Origin);
        Assert.Equal(expected.Direction, actual.Direction);
        Assert.Equal(expected.VoxelBytes.ToArray(), actual.VoxelBytes.ToArray());
    }
}
