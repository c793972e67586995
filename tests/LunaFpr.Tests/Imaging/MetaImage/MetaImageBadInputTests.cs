using LunaFpr.Imaging;
using LunaFpr.Imaging.MetaImage;

namespace LunaFpr.Tests.Imaging.MetaImage;

public sealed class MetaImageBadInputTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly string path;

    public MetaImageBadInputTests()
    {
        path = folder.File("scan.mhd");
        MetaImageWriter.Write(Volumes.Pattern(MetaImageElementType.Short), path);
    }

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("NDims")]
    [InlineData("DimSize")]
    [InlineData("ElementType")]
    [InlineData("ElementDataFile")]
    public void Read_NamesFileAndKey_WhenAKeyIsMissing(string key)
    {
        HeaderEdits.Remove(path, key);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains($"no '{key}' line", e.Message);
    }

    [Theory]
    [InlineData("MET_LONG_LONG")]
    [InlineData("MET_FLOAT_ARRAY")]
    [InlineData("short")]
    public void Read_ListsTheSupportedTypes_WhenTheElementTypeIsUnknown(string type)
    {
        HeaderEdits.Set(path, "ElementType", type);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains($"ElementType = {type}", e.Message);
        Assert.Contains(
            "MET_UCHAR, MET_CHAR, MET_USHORT, MET_SHORT, MET_UINT, MET_INT, MET_FLOAT, MET_DOUBLE",
            e.Message);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("4")]
    public void Read_SaysOnly3DIsRead_WhenNDimsIsNot3(string nDims)
    {
        HeaderEdits.Set(path, "NDims", nDims);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains($"NDims = {nDims}", e.Message);
        Assert.Contains("NDims = 3", e.Message);
    }

    [Theory]
    [InlineData(-1, "holds 119 bytes", "truncated")]
    [InlineData(+1, "holds 121 bytes", "1 bytes too many")]
    public void Read_GivesByteCounts_WhenTheDataFileHasTheWrongLength(int change, string holds, string fix)
    {
        var raw = folder.File("scan.raw");
        var bytes = File.ReadAllBytes(raw);
        File.WriteAllBytes(raw, change < 0 ? bytes[..^1] : [.. bytes, 0]);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains(raw, e.Message);
        Assert.Contains(holds, e.Message);
        Assert.Contains("DimSize 5 × 4 × 3 × 2 bytes (MET_SHORT) = 120 bytes", e.Message);
        Assert.Contains(fix, e.Message);
    }

    [Fact]
    public void Read_ThrowsFileNotFound_NamingHeaderAndKey_WhenTheDataFileIsMissing()
    {
        File.Delete(folder.File("scan.raw"));

        var e = Assert.Throws<FileNotFoundException>(() => MetaImageReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("ElementDataFile = scan.raw", e.Message);
        Assert.Equal(folder.File("scan.raw"), e.FileName);
    }

    [Fact]
    public void Read_ThrowsFileNotFound_WhenTheHeaderIsMissing()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ScanFiles.Read(folder.File("absent.mhd")));

        Assert.Contains("absent.mhd", e.Message);
    }

    [Theory]
    [InlineData("5 4 2", "more than the 80 bytes")]
    [InlineData("5 4 4", "only 120 bytes of the 160 bytes")]
    public void Read_StopsInflating_WhenCompressedDataDoesNotMatchDimSize(string dimSize, string says)
    {
        MetaImageWriter.Write(Volumes.Pattern(MetaImageElementType.Short), path, compress: true);
        HeaderEdits.Set(path, "DimSize", dimSize);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains(folder.File("scan.zraw"), e.Message);
        Assert.Contains(says, e.Message);
        Assert.Contains("DimSize", e.Message);
    }

    [Fact]
    public void Read_SaysTheZlibDataIsDamaged_WhenItIsCorrupt()
    {
        MetaImageWriter.Write(Volumes.Pattern(MetaImageElementType.Short), path, compress: true);
        var zraw = folder.File("scan.zraw");
        var bytes = File.ReadAllBytes(zraw);
        Array.Fill(bytes, (byte)0xFF, 2, bytes.Length - 2);
        File.WriteAllBytes(zraw, bytes);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains(zraw, e.Message);
        Assert.Contains("damaged", e.Message);
    }

    [Fact]
    public void Read_NamesCompressedDataSize_WhenItDisagreesWithTheFile()
    {
        MetaImageWriter.Write(Volumes.Pattern(MetaImageElementType.Short), path, compress: true);
        HeaderEdits.Set(path, "CompressedDataSize", "5");

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains("CompressedDataSize = 5", e.Message);
    }

    [Theory]
    [InlineData("../scan.raw")]
    [InlineData("sub/../../scan.raw")]
    [InlineData("/etc/passwd")]
    public void Read_RefusesADataFileOutsideTheHeadersFolder(string dataFile)
    {
        HeaderEdits.Set(path, "ElementDataFile", dataFile);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains($"ElementDataFile = {dataFile} points outside the header's folder", e.Message);
    }

    [Fact]
    public void Read_AcceptsADataFileInASubfolder()
    {
        Directory.CreateDirectory(folder.File("data"));
        File.Move(folder.File("scan.raw"), folder.File("data/scan.raw"));
        HeaderEdits.Set(path, "ElementDataFile", "data/scan.raw");

        Assert.Equal(Volumes.Size, MetaImageReader.Read(path).Size);
    }

    [Theory]
    [InlineData("DimSize", "5 four 3", "'four', which is not a number")]
    [InlineData("ElementSpacing", "0,7 0,8 2,5", "'0,7', which is not a number")]
    [InlineData("Offset", "1 2 NaN", "'NaN', which is not a number")]
    [InlineData("TransformMatrix", "1 0 0 0 1 0 0 0", "has 8 numbers; a 3D header needs 9")]
    [InlineData("DimSize", "5 4 3.5", "not three positive whole numbers")]
    [InlineData("DimSize", "5 0 3", "not three positive whole numbers")]
    [InlineData("ElementSpacing", "0.7 -0.8 2.5", "not positive")]
    [InlineData("HeaderSize", "ten", "not a whole number")]
    [InlineData("HeaderSize", "-2", "not a whole number ≥ -1")]
    [InlineData("CompressedData", "Maybe", "not True or False")]
    [InlineData("TransformMatrix", "1 0 0 1 0 0 0 0 1", "singular")]
    public void Read_QuotesKeyAndValue_WhenAValueIsMalformed(string key, string value, string says)
    {
        HeaderEdits.Set(path, key, value);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains($"{key} = '{value}'", e.Message);
        Assert.Contains(says, e.Message);
    }

    [Fact]
    public void Read_SaysItIsNoHeader_WhenGivenBinaryData()
    {
        File.Copy(folder.File("scan.raw"), path, overwrite: true);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.Read(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("is not 'Key = Value'", e.Message);
    }

    [Fact]
    public void Read_NamesTheVoxel_WhenAValueDoesNotFitInHu()
    {
        var voxels = new ushort[60];
        voxels[7] = 40000;
        var volume = new MetaImageVolume<ushort>(
            Volumes.Size,
            Volumes.Spacing,
            Volumes.Origin,
            Direction.Identity,
            voxels);
        MetaImageWriter.Write(volume, path);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.ReadScan(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("voxel [z=0, y=1, x=2] is 40000 (MET_USHORT)", e.Message);
        Assert.Contains("MetaImageReader.Read", e.Message);
    }

    [Fact]
    public void ScanFiles_SaysTheFolderHoldsNoDicomSeries_WhenGivenAFolderOfMetaImages()
    {
        var e = Assert.Throws<InvalidDataException>(() => ScanFiles.Read(folder.Path));

        Assert.Contains("no DICOM image series", e.Message);
        Assert.Contains(".mhd file", e.Message);
    }

    [Fact]
    public void ScanFiles_RefusesAnUnknownExtension()
    {
        var e = Assert.Throws<NotSupportedException>(() => ScanFiles.Read(folder.File("scan.raw")));

        Assert.Contains("'.raw' is not a scan format", e.Message);
    }
}
