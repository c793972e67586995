using LunaFpr.Cli.Commands;
using LunaFpr.Synthetic;

namespace LunaFpr.Cli.Tests.Commands;

/// <summary><c>lunafpr synth</c> writing two small scans.</summary>
public sealed class SynthCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "lunafpr-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Synth_WritesTheDataSet_AndPrintsCountsPerSubset()
    {
        var writer = new StringWriter();
        var console = TestConsole.Recording(writer);

        var summary = SynthCommand.Run(console, new SyntheticOptions { Scans = 2, Seed = 9 }, folder);

        var output = writer.ToString();
        var all = summary.Subsets;
        Assert.Contains("│ subset │ scans │ nodules │ excluded │ class 1 │ class 0 │", output);
        Assert.Contains($"│ all    │ 2     │ {all.Sum(s => s.Nodules),-7} │", output);
        Assert.Contains("2 scans in", output);
        Assert.True(File.Exists(Path.Combine(folder, "subset1", "1.3.6.1.4.1.55555.1.9.1.mhd")));
        Assert.True(File.Exists(Path.Combine(folder, "candidates.csv")));
    }

    [Theory]
    [InlineData("--scans", "0")]
    [InlineData("--seed", "-4")]
    public void Synth_ExitsWithInputError_WhenAnOptionIsOutOfRange(string option, string value)
    {
        var exitCode = SynthCommand.Create().Parse(["--out", folder, option, value]).Invoke();

        Assert.Equal(2, exitCode);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Synth_RejectsAnUnknownSize()
    {
        var exitCode = SynthCommand.Create().Parse(["--out", folder, "--size", "huge"]).Invoke();

        Assert.NotEqual(0, exitCode);
    }
}
