using System.CommandLine;
using LunaFpr.Cli.Commands;
using LunaFpr.Cli.Training;
using LunaFpr.Imaging;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Cli.Tests.Commands;

/// <summary>
/// <c>lunafpr train</c> on an in-memory store of random cubes in subsets 0 … 3 (fold 0 trains on 2 and 3 and
/// validates on 1), small preset, one thread, a few steps.
/// </summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lunafpr-test-" + Guid.NewGuid().ToString("N"));

    public TrainCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Train_WritesCheckpointsHistoryPlotAndOneLinePerEpoch()
    {
        var output = Path.Combine(folder, "fold0");
        var request = Request(output, new TrainingOverrides("small", Epochs: 2, StepsPerEpoch: 2, BatchSize: 4,
            Threads: 1));

        var (exitCode, text) = Run(request);

        Assert.Equal(0, exitCode);
        Assert.Contains("M parameters", text);
        Assert.Contains("GFLOP per cube forward", text);
        Assert.Matches(@"epoch +1/2 +seen +8/8 +loss +\d\.\d{4} val +\d\.\d{4} elapsed \d\d:\d\d:\d\d", text);
        Assert.Matches(@"epoch +2/2 ", text);
        foreach (var name in new[] { "config.json", "history.csv", "loss.png", "best.bin", "last.bin", "last.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, name)), $"{name} is missing");
        }

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(output, "loss.png"))[..4]);
    }

    [Fact]
    public void Train_WithResumeAndNoOptions_ContinuesWithTheRunsOwnSettings()
    {
        var output = Path.Combine(folder, "fold0");
        Run(Request(output, new TrainingOverrides("small", Epochs: 1, StepsPerEpoch: 1, BatchSize: 4, Threads: 1)));

        var (exitCode, text) = Run(Request(output, new TrainingOverrides(Epochs: 2), resume: true));

        Assert.Equal(0, exitCode);
        Assert.Contains("model small", text);
        Assert.Matches(@"epoch +2/2 +seen +4/4 ", text);
        Assert.Equal(2, LossHistory.Read(Path.Combine(output, "history.csv")).Count);
    }

    [Fact]
    public void Train_SaveConfigAlone_WritesTheResolvedConfigAndTrainsNothing()
    {
        var path = Path.Combine(folder, "run.json");
        var request = new TrainRequest(null, null, null, null, path, false,
            new TrainingOverrides("small", Epochs: 3, Fusion: "weighted-mean", Optimizer: "Adam",
                PositiveSampling: "nodule"));

        var (exitCode, _) = Run(request);

        var config = TrainingConfigFile.Read(path);
        Assert.Equal(0, exitCode);
        Assert.Equal(3, config.Training.Epochs);
        Assert.Equal(OptimizerKind.Adam, config.Training.Optimizer);
        Assert.Equal(PositiveSampling.Nodule, config.Training.PositiveSampling);
        Assert.Equal(16, config.Model.Filters);
        Assert.Equal(Learning.Model.FusionMode.WeightedMean, config.Model.Fusion);
    }

    [Fact]
    public void Train_AskedForCuda_WithoutCudaRuntime_NamesThePackageToReference()
    {
        var request = Request(Path.Combine(folder, "gpu"), new TrainingOverrides(Device: "cuda"));

        var error = Assert.Throws<NotSupportedException>(() => Run(request));

        Assert.Contains("libtorch-cuda-12.8-linux-x64", error.Message);
        Assert.Contains("libtorch-cpu-linux-x64", error.Message);
    }

    [Fact]
    public void Train_WithoutStore_ExitsWithInputErrorNamingTheOption()
    {
        var exitCode = TrainCommand.Create().Parse(["--fold", "0", "--out", folder]).Invoke();

        Assert.Equal(2, exitCode);
    }

    [Theory]
    [InlineData("--epochs 3", null)]
    [InlineData("--flips", true)]
    [InlineData("--flips false", false)]
    public void Flips_OverridesTheConfigOnlyWhenGiven(string arguments, bool? expected)
    {
        // A config saying "flips": true must keep it when the command line does not mention --flips.
        var options = new TrainOptions();
        var command = new Command("train");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        var request = options.Read(command.Parse(arguments.Split(' ')));

        Assert.Equal(expected, request.Overrides.Flips);
    }

    private static TrainRequest Request(string output, TrainingOverrides overrides, bool resume = false) =>
        new("memory", 0, output, null, null, resume, overrides);

    private static (int ExitCode, string Text) Run(TrainRequest request)
    {
        var writer = new StringWriter();
        var console = TestConsole.Recording(writer, width: 400);
        var exitCode = TrainCommand.Run(console, request, _ => new RandomCubes(), NullLogger.Instance,
            CancellationToken.None);
        return (exitCode, writer.ToString());
    }

    /// <summary>Four subsets of uniformly random cubes: 4 resampled, 2 original positives, 6 negatives each.</summary>
    private sealed class RandomCubes : IPatchSource
    {
        private readonly List<PatchEntry> entries = [];

        public RandomCubes()
        {
            foreach (var subset in Enumerable.Range(0, 4))
            {
                foreach (var (kind, count) in new[]
                    { (PatchKind.ResampledPositive, 4), (PatchKind.OriginalPositive, 2), (PatchKind.Negative, 6) })
                {
                    for (var i = 0; i < count; i++)
                    {
                        entries.Add(new PatchEntry($"1.2.{subset}.{entries.Count}", subset, kind,
                            new Vector3D(i, 0, 0), new IndexZyx(13, 20, 20)));
                    }
                }
            }
        }

        public CubeShape CubeShape => CubeShape.Default;

        public IReadOnlyList<PatchEntry> Entries => entries;

        public void ReadCube(int entryIndex, Span<short> destination)
        {
            var random = new Random(entryIndex);
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = (short)random.Next(-1000, 400);
            }
        }
    }
}
