using LunaFpr.Cli.Commands;
using LunaFpr.Imaging.MetaImage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Cli.Tests.Commands;

/// <summary><c>lunafpr convert</c> on the real LIDC-IDRI-0001 DICOM series, into a temporary folder.</summary>
public sealed class ConvertCommandTests : IDisposable
{
    private const string SeriesUid = "1.3.6.1.4.1.14519.5.2.1.6279.6001.179049373636438705059720603192";

    private readonly string output = Path.Combine(Path.GetTempPath(), "lunafpr-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Convert_WritesTheLidcSeries_AsTheVoxelsAndGeometryOfItsLuna16MetaImage()
    {
        var (mhd, console) = Run(new ConvertCommand.ConvertRequest(DicomFolder, output));

        Assert.Equal(Path.Combine(output, SeriesUid + ".mhd"), mhd);
        Assert.Equal(
            [SeriesUid + ".mhd", SeriesUid + ".raw"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Contains("512 × 512 × 133 voxels", console);
        var written = MetaImageReader.ReadScan(mhd!);
        var reference = MetaImageReader.ReadScan(Path.Combine(SharedData, "lidc-idri-0001", "mhd", SeriesUid + ".mhd"));
        Assert.Equal(SeriesUid, written.SeriesUid);
        Assert.Equal(reference.Size, written.Size);
        Assert.Equal(reference.Spacing, written.Spacing);
        Assert.Equal(reference.Origin, written.Origin);
        Assert.Equal(reference.Direction, written.Direction);
        Assert.True(written.Voxels.AsSpan().SequenceEqual(reference.Voxels));
    }

    [Fact]
    public void Convert_ListsTheSeriesWithUidAndSliceCount_AndWritesNothing_WithList()
    {
        var (mhd, console) = Run(new ConvertCommand.ConvertRequest(DicomFolder, output, ListOnly: true));

        Assert.Null(mhd);
        Assert.Contains(SeriesUid, console);
        Assert.Contains("│ CT       │ 133    │ Explicit VR Little Endian", console);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Convert_ExitsWithInputErrorAndWritesNothing_WhenTheSeriesIsNotInTheFolder()
    {
        var exitCode = ConvertCommand.Create().Parse([DicomFolder, output, "--series", "1.2.3"]).Invoke();

        Assert.Equal(2, exitCode);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Convert_ExitsWithInputError_WhenTheFolderHoldsNoDicom()
    {
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "notes.txt"), "not a scan");

        var exitCode = ConvertCommand.Create().Parse([output, Path.Combine(output, "out")]).Invoke();

        Assert.Equal(2, exitCode);
        Assert.False(Directory.Exists(Path.Combine(output, "out")));
    }

    private static string DicomFolder => Path.Combine(SharedData, "lidc-idri-0001", "dicom");

    /// <summary><c>shared/data</c> beside the folder holding LunaFpr.sln or one of its parents.</summary>
    private static string SharedData
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LunaFpr.sln")))
            {
                dir = dir.Parent;
            }

            for (var above = dir?.Parent; above is not null; above = above.Parent)
            {
                var data = Path.Combine(above.FullName, "shared", "data");
                if (Directory.Exists(data))
                {
                    return data;
                }
            }

            throw new DirectoryNotFoundException(
                $"No shared/data beside the repository above {AppContext.BaseDirectory}.");
        }
    }

    private static (string? Mhd, string Console) Run(ConvertCommand.ConvertRequest request)
    {
        var writer = new StringWriter();
        var console = TestConsole.Recording(writer, width: 160);
        var mhd = ConvertCommand.Run(console, request, NullLogger.Instance);
        return (mhd, writer.ToString());
    }
}
