using LunaFpr.Imaging;

namespace LunaFpr.Tests.Imaging.MetaImage;

/// <summary>The real LIDC-IDRI-0001 CT (zlib MetaImage) in the shared data folder.</summary>
public sealed class RealScanTests
{
    private const string SeriesUid = "1.3.6.1.4.1.14519.5.2.1.6279.6001.179049373636438705059720603192";

    [Fact]
    public void RealScan_HasLuna16Geometry_AndSoftTissueAtItsNoduleCentre()
    {
        var scan = ScanFiles.Read(
            Path.Combine(TestFiles.SharedData, "lidc-idri-0001", "mhd", SeriesUid + ".mhd"));

        Assert.Equal(SeriesUid, scan.SeriesUid);
        Assert.Equal(new VolumeSize(512, 512, 133), scan.Size);
        Assert.Equal(new Vector3D(0.703125, 0.703125, 2.5), scan.Spacing);
        Assert.Equal(new Vector3D(-166.0, -171.699997, -340.0), scan.Origin);
        Assert.Equal(Direction.Identity, scan.Direction);

        // annotations.csv: nodule of 23.35 mm at world (56.21, 86.34, -115.87) mm.
        var centre = scan.WorldToIndexZyx(new Vector3D(56.20840547, 86.34341278, -115.8675792));
        Assert.Equal(new IndexZyx(90, 367, 316), centre);
        Assert.InRange(scan[centre], -100, 200);

        // Air outside the body in a corner, lung-to-bone range overall.
        Assert.True(scan[0, 0, 0] < -900);
        Assert.InRange(scan.Voxels.Min(), -3024, -1000);
        Assert.InRange(scan.Voxels.Max(), 1000, 4000);
    }
}
