using System.Globalization;
using LunaFpr.Candidates;
using LunaFpr.Cli.Commands;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Cli.Tests.Commands;

/// <summary>
/// <c>lunafpr demo</c> end to end on eleven synthetic scans and a two-step training budget: every stage runs,
/// the table compares the network with the centre-voxel baseline, and a second run resumes instead of redoing.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    // Eleven scans put scan 10 (two nodules with seed 7) in the test subset 0 and scan 1 in validation subset 1.
    private const int Scans = 11;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "lunafpr-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Demo_RunsEveryStage_ComparesWithTheBaseline_AndResumes()
    {
        var (first, output) = Run(epochs: 1);

        Assert.NotNull(first);
        var data = Path.Combine(folder, "luna16");
        var testScans = Directory.GetFiles(Path.Combine(data, "subset0"), "*.mhd")
            .Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var nodules = AnnotationCsv.Read(Path.Combine(data, "annotations.csv"))
            .Count(a => testScans.Contains(a.SeriesUid));
        var candidates = CandidateCsv.Read(Path.Combine(data, "candidates.csv"))
            .Count(c => testScans.Contains(c.SeriesUid));
        Assert.Equal(2, nodules);
        Assert.Equal(nodules, first.Network.Counts.Nodules);
        Assert.Equal(nodules, first.Baseline.Counts.Nodules);
        Assert.Equal(7, first.Network.OperatingPoints.Count);
        Assert.Equal(7, first.Baseline.OperatingPoints.Count);
        Assert.InRange(first.Network.Cpm, 0, 1);
        Assert.InRange(first.Baseline.Cpm, 0, 1);

        // Every candidate of the test subset is scored once, and the report is written.
        var predictions = File.ReadAllLines(first.Layout.Predictions(0));
        Assert.Equal(candidates + 1, predictions.Length);
        Assert.True(File.Exists(first.Layout.ReportHtml));
        Assert.Contains("centre-voxel HU", output);
        var cpmRow = string.Create(CultureInfo.InvariantCulture,
            $"│ CPM          │      {first.Network.Cpm:0.000} │           {first.Baseline.Cpm:0.000} │");
        Assert.Contains(cpmRow, output);

        // Run again: the finished fold is kept, so the same network scores give the same CPM.
        var (second, _) = Run(epochs: 1);
        Assert.NotNull(second);
        Assert.Equal(first.Network.Cpm, second.Network.Cpm);
        Assert.Equal(predictions, File.ReadAllLines(second.Layout.Predictions(0)));

        // Other training settings in the same folder would report the old fold's result as theirs.
        var error = Assert.Throws<ArgumentException>(() => Run(epochs: 2));
        Assert.Contains("config.json", error.Message);
        Assert.Contains("--out", error.Message);
    }

    private (DemoOutcome? Outcome, string Output) Run(int epochs)
    {
        var writer = new StringWriter();
        var console = TestConsole.Recording(writer);
        var request = new DemoRequest(folder, Scans, Threads: 0, epochs, StepsPerEpoch: 2);
        var outcome = DemoCommand.Run(console, request, NullLoggerFactory.Instance, CancellationToken.None);
        return (outcome, writer.ToString());
    }
}
