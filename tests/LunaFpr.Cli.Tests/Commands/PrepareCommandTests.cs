using LunaFpr.Cli.Commands;
using LunaFpr.Imaging;
using LunaFpr.Imaging.MetaImage;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace LunaFpr.Cli.Tests.Commands;

/// <summary>
/// <c>lunafpr prepare</c> and <c>lunafpr patches show</c> on two 48 × 48 × 30 MetaImage scans of −800 HU, 1 mm
/// voxels, origin 0: series 1.1 in subset0 with a 300 HU voxel at [z=15, y=24, x=24] (world (24, 24, 15) mm)
/// and a 4 mm nodule there in annotations.csv; series 2.2 in subset3. Candidates: the bright voxel (class 1),
/// one negative per scan, and one of a series without a scan.
/// </summary>
public sealed class PrepareCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lunafpr-test-" + Guid.NewGuid().ToString("N"));

    public PrepareCommandTests()
    {
        WriteScan("subset0", "1.1", bright: true);
        WriteScan("subset3", "2.2", bright: false);
        File.WriteAllText(PathOf("candidates.csv"), "seriesuid,coordX,coordY,coordZ,class\n"
            + "1.1,24,24,15,1\n1.1,5,40,2,0\n2.2,20,20,20,0\n7.7,1,1,1,0\n");
        File.WriteAllText(PathOf("annotations.csv"), "seriesuid,coordX,coordY,coordZ,diameter_mm\n1.1,24,24,15,4\n");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Prepare_PrintsATablePerSubset_AndBuildsAStoreThatOpens()
    {
        var (exit, output) = Prepare(PathOf("store"));

        Assert.Equal(0, exit);
        Assert.Contains("│ 0      │                  1 │                   9 │         1 │    11 │", output);
        Assert.Contains("│ 3      │                  0 │                   0 │         1 │     1 │", output);
        Assert.Contains("1 candidates of 1 series have no scan", output);
        using var store = PatchStore.Open(PathOf("store"));
        Assert.Equal(12, store.Entries.Count);
        Assert.Equal(300, store.ReadCube(0)[(13 * 40 + 20) * 40 + 20]);
    }

    [Fact]
    public void Prepare_SkipsFinishedSeries_WhenRunAgain()
    {
        Prepare(PathOf("store"));

        var (exit, output) = Prepare(PathOf("store"));

        Assert.Equal(0, exit);
        Assert.Contains("Scans cut: 0, already finished and skipped: 2.", output);
    }

    [Fact]
    public void Prepare_ExitsWithInputError_ForABadCubeOption()
    {
        var exit = PrepareCommand.Create().Parse(["--luna16", PathOf("luna16"), "--candidates",
            PathOf("candidates.csv"), "--annotations", PathOf("annotations.csv"), "--out", PathOf("store"),
            "--cube", "26,40"]).Invoke();

        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(PathOf("store")));
    }

    [Fact]
    public void PatchesShow_DrawsTheBrightVoxelAtTheCentreOfTheCentreSlice()
    {
        Prepare(PathOf("store"));
        var console = TestConsole.Recording(new StringWriter());

        var exit = PatchesCommand.Show(console, PathOf("store"), "1.1", PatchKind.OriginalPositive, 5, PathOf("png"));

        Assert.Equal(0, exit);
        var png = Assert.Single(Directory.GetFiles(PathOf("png")));
        Assert.EndsWith("cube-0000000-original.png", png);
        using var bitmap = SKBitmap.Decode(png);
        // Slice 13 of a 26-slice sheet sits in row 1, column 6 of 7; its voxel (20, 20) is 300 HU → 237 grey.
        var left = 2 + 6 * (40 * 3 + 2) + 20 * 3 + 1;
        var top = 22 + 2 + 1 * (40 * 3 + 2) + 20 * 3 + 1;
        Assert.Equal(new SKColor(237, 237, 237), bitmap.GetPixel(left, top));
        Assert.Equal(new SKColor(36, 36, 36), bitmap.GetPixel(left + 3, top)); // −800 HU beside it
    }

    [Fact]
    public void PatchesShow_SaysWhatIsMissing_ForASeriesNotInTheStore()
    {
        Prepare(PathOf("store"));

        var error = Assert.Throws<ArgumentException>(() =>
            PatchesCommand.Show(
                TestConsole.Recording(new StringWriter()), PathOf("store"), "5.5", null, 3, PathOf("png")));

        Assert.Contains("no cubes of series 5.5", error.Message);
    }

    private (int Exit, string Output) Prepare(string store)
    {
        var options = new PrepareOptions(PathOf("luna16"), PathOf("candidates.csv"), PathOf("annotations.csv"), null,
            store) { Subsets = [0, 3] };
        var writer = new StringWriter();
        var console = TestConsole.Recording(writer);
        var exit = PrepareCommand.Run(console, options, NullLogger.Instance, CancellationToken.None);
        return (exit, writer.ToString());
    }

    private string PathOf(string name) => Path.Combine(folder, name);

    private void WriteScan(string subset, string uid, bool bright)
    {
        var size = new VolumeSize(48, 48, 30);
        var voxels = Enumerable.Repeat((short)-800, (int)size.VoxelCount).ToArray();
        if (bright)
        {
            voxels[(15 * 48 + 24) * 48 + 24] = 300;
        }

        var directory = Directory.CreateDirectory(Path.Combine(folder, "luna16", subset)).FullName;
        var scan = new Scan(uid, size, new Vector3D(1, 1, 1), default, Direction.Identity, voxels);
        MetaImageWriter.Write(scan, Path.Combine(directory, uid + ".mhd"));
    }
}
