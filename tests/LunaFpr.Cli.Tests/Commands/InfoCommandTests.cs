using LunaFpr.Cli.Commands;
using LunaFpr.Imaging;
using LunaFpr.Imaging.MetaImage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Cli.Tests.Commands;

/// <summary>
/// <c>lunafpr info</c> on a 7 × 7 × 7 scan of −1000 HU with one 500 HU voxel at [z=2, y=3, x=5], spacing
/// (0.5, 0.8, 2) mm, origin (10, −20, 30) mm: the bright voxel's centre is world (12.5, −17.6, 34) mm.
/// </summary>
public sealed class InfoCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lunafpr-test-" + Guid.NewGuid().ToString("N"));
    private readonly string scanPath;

    public InfoCommandTests()
    {
        Directory.CreateDirectory(folder);
        var voxels = Enumerable.Repeat((short)-1000, 343).ToArray();
        voxels[(2 * 7 + 3) * 7 + 5] = 500;
        var scan = new Scan(
            "",
            new VolumeSize(7, 7, 7),
            new(0.5, 0.8, 2),
            new(10, -20, 30),
            Direction.Identity,
            voxels);
        scanPath = Path.Combine(folder, "1.2.3.mhd");
        MetaImageWriter.Write(scan, scanPath);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Info_PrintsGeometryAndHuStatistics()
    {
        var output = RunInfo(annotations: null);

        Assert.Contains("series     1.2.3", output);
        Assert.Contains("size       7 × 7 × 7 voxels (x, y, z)", output);
        Assert.Contains("spacing    0.5 × 0.8 × 2 mm (x, y, z)", output);
        Assert.Contains("origin     (10, -20, 30) mm", output);
        Assert.Contains("direction  [1 0 0 0 1 0 0 0 1] (identity)", output);
        Assert.Contains("HU         min -1000, max 500, mean -995.6", output);
        Assert.DoesNotContain("Nodules", output);
    }

    [Fact]
    public void Info_ListsOnlyThisSeriesNodules_WithVoxelIndexAndHuAtTheCentre()
    {
        var csv = Path.Combine(folder, "annotations.csv");
        File.WriteAllText(csv, "seriesuid,coordX,coordY,coordZ,diameter_mm\n" +
            "1.2.3,12.6,-17.5,34.2,4.5\n" +
            "9.9.9,12.5,-17.6,34,7\n" +
            "1.2.3,100,0,0,10\n");

        var output = RunInfo(csv);

        Assert.Contains("│ 1 │ 12.60, -17.50, 34.20 │ 4.5           │ 2, 3, 5       │ 500              │", output);
        Assert.Contains("│ 2 │ 100.00, 0.00, 0.00   │ 10            │ -15, 25, 180  │ outside the scan │", output);
        Assert.DoesNotContain("│ 3 │", output);
    }

    [Fact]
    public void Info_SaysSo_WhenTheSeriesHasNoNodule()
    {
        var csv = Path.Combine(folder, "annotations.csv");
        File.WriteAllText(csv, "seriesuid,coordX,coordY,coordZ,diameter_mm\n9.9.9,1,2,3,4\n");

        Assert.Contains("No nodules of this series in annotations.csv.", RunInfo(csv));
    }

    [Fact]
    public void Info_NamesTheFileAndLine_WhenTheAnnotationsAreMalformed()
    {
        var csv = Path.Combine(folder, "annotations.csv");
        File.WriteAllText(csv, "seriesuid,coordX,coordY,coordZ,diameter_mm\n1.2.3,1,two,3,4\n");

        var e = Assert.Throws<InvalidDataException>(() => RunInfo(csv));

        Assert.Contains(csv, e.Message);
        Assert.Contains("line 2", e.Message);
        Assert.Contains("coordY", e.Message);
    }

    [Fact]
    public void Info_ExitsWithInputError_WhenTheHeaderIsBad()
    {
        File.WriteAllText(scanPath, File.ReadAllText(scanPath).Replace("NDims = 3", "NDims = 2"));

        var exitCode = InfoCommand.Create().Parse([scanPath]).Invoke();

        Assert.Equal(2, exitCode);
    }

    private string RunInfo(string? annotations)
    {
        var writer = new StringWriter();
        var console = TestConsole.Recording(writer);
        InfoCommand.Run(console, scanPath, annotations, NullLogger.Instance);
        return writer.ToString();
    }
}
