using LunaFpr.Imaging;
using LunaFpr.Imaging.MetaImage;

namespace LunaFpr.Tests.Imaging.MetaImage;

public sealed class MetaImageConversionTests : IDisposable
{
    private static readonly VolumeSize Size = new(4, 1, 1);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void ReadScan_RoundsFloatsToTheNearestHu_HalvesToEven()
    {
        var path = Write<float>([-1000.4f, 0.5f, 1.5f, 32767.2f]);

        Assert.Equal([-1000, 0, 2, 32767], MetaImageReader.ReadScan(path).Voxels);
    }

    [Fact]
    public void ReadScan_WidensBytes_AndKeepsIntsThatFit()
    {
        Assert.Equal([0, 255, 7, 1], MetaImageReader.ReadScan(Write<byte>([0, 255, 7, 1])).Voxels);
        Assert.Equal([-32768, 32767, 0, -1], MetaImageReader.ReadScan(Write<int>([-32768, 32767, 0, -1])).Voxels);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(32767.5, "32767.5")]
    [InlineData(-1e6, "-1000000")]
    public void ReadScan_NamesTheVoxel_WhenADoubleIsNoHuValue(double bad, string shown)
    {
        var path = Write<double>([0, 0, bad, 0]);

        var e = Assert.Throws<InvalidDataException>(() => MetaImageReader.ReadScan(path));

        Assert.Contains($"voxel [z=0, y=0, x=2] is {shown} (MET_DOUBLE)", e.Message);
    }

    [Fact]
    public void Read_TakesSynonyms_PositionElementSizeAndElementByteOrderMsb()
    {
        var path = Write<short>([1, 2, 3, 4], bigEndian: true);
        HeaderEdits.Rename(path, "Offset", "Position");
        HeaderEdits.Rename(path, "ElementSpacing", "ElementSize");
        HeaderEdits.Rename(path, "BinaryDataByteOrderMSB", "ElementByteOrderMSB");

        var scan = MetaImageReader.ReadScan(path);

        Assert.Equal([1, 2, 3, 4], scan.Voxels);
        Assert.Equal(new Vector3D(1, 2, 3), scan.Origin);
        Assert.Equal(new Vector3D(0.5, 0.5, 2), scan.Spacing);
    }

    [Fact]
    public void Read_TakesOriginAsOffset_AndDefaultsToUnitSpacingAndIdentity()
    {
        var path = Write<short>([1, 2, 3, 4]);
        HeaderEdits.Rename(path, "Offset", "Origin");
        HeaderEdits.Remove(path, "ElementSpacing");
        HeaderEdits.Remove(path, "TransformMatrix");

        var header = MetaImageReader.ReadHeader(path);

        Assert.Equal(new Vector3D(1, 2, 3), header.Origin);
        Assert.Equal(new Vector3D(1, 1, 1), header.Spacing);
        Assert.Equal(Direction.Identity, header.Direction);
    }

    private string Write<T>(T[] voxels, bool bigEndian = false)
        where T : unmanaged
    {
        var path = folder.File(typeof(T).Name + ".mhd");
        var volume = new MetaImageVolume<T>(
            Size,
            new Vector3D(0.5, 0.5, 2),
            new Vector3D(1, 2, 3),
            Direction.Identity,
            voxels);
        MetaImageWriter.Write(volume, path, bigEndian: bigEndian);
        return path;
    }
}
