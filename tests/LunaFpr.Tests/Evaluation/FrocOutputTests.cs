using LunaFpr.Evaluation;
using static LunaFpr.Tests.Evaluation.FrocFixtures;

namespace LunaFpr.Tests.Evaluation;

public sealed class FrocOutputTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static FrocResult HandCase(int bootstrap) => FrocEvaluator.Evaluate(
        [Mark("A", 1, 0, 0, 0.9), Mark("A", 50, 0, 0, 0.8), Mark("B", 0, 0, 1, 0.7), Mark("B", 40, 0, 0, 0.5)],
        [Nodule("A", 0, 0, 0, 10), Nodule("B", 0, 0, 0, 6), Nodule("B", 0, 100, 0, 8)],
        [],
        ["A", "B"],
        new FrocOptions { BootstrapCount = bootstrap, BandPointCount = 5 });

    [Fact]
    public void Format_ListsCountsCpmAndTheSevenSensitivities()
    {
        var summary = FrocReport.Format(HandCase(bootstrap: 0));

        Assert.Contains("Hits (nodules found)          2\n", summary);
        Assert.Contains("Misses (no candidate)         1\n", summary);
        Assert.Contains("False positives               2\n", summary);
        Assert.Contains("Candidates per scan           2.000000000\n", summary);
        Assert.Contains("CPM                           0.571428571\n", summary);
        Assert.Contains("   0.125  0.333333333\n", summary);
        Assert.Contains("       8  0.666666667\n", summary);
        Assert.Contains("- 1 of 3 nodules (33.3 %) have no candidate", summary);
    }

    [Fact]
    public void Writers_WriteCurveBandOperatingPointsAndMissedNodules()
    {
        var result = HandCase(bootstrap: 20);

        FrocCsv.WriteCurve(temp.File("froc.csv"), result);
        FrocCsv.WriteBand(temp.File("band.csv"), result);
        FrocCsv.WriteOperatingPoints(temp.File("points.csv"), result);
        FrocCsv.WriteMissedNodules(temp.File("missed.csv"), result);

        Assert.Equal("fps_per_scan,sensitivity,threshold\n0,0,Infinity\n0,0.3333333333333333,0.9\n" +
            "0.5,0.3333333333333333,0.8\n0.5,0.6666666666666666,0.7\n1,0.6666666666666666,0.5\n",
            File.ReadAllText(temp.File("froc.csv")));
        var band = File.ReadAllLines(temp.File("band.csv"));
        Assert.Equal(["fps_per_scan,lower,mean,upper", "0.125"], [band[0], band[1].Split(',')[0]]);
        Assert.Equal(6, band.Length);
        var points = File.ReadAllLines(temp.File("points.csv"));
        Assert.Equal(9, points.Length);
        Assert.StartsWith("cpm,0.5714285714285714,", points[^1]);
        Assert.Equal("seriesuid,coordX,coordY,coordZ,diameter_mm\nB,0,100,0,8\n",
            File.ReadAllText(temp.File("missed.csv")));
    }

    [Fact]
    public void SensitivityAt_AgreesWithTheOperatingPoints()
    {
        var result = HandCase(bootstrap: 0);

        Assert.All(result.OperatingPoints,
            p => Assert.Equal(p.Sensitivity, result.SensitivityAt(p.FalsePositivesPerScan)));
        Assert.Equal(1.0 / 3, result.SensitivityAt(0.375));
        Assert.Equal(2.0 / 3, result.SensitivityAt(0.5));
    }

    [Fact]
    public void FoldScans_ListsTheSubsetsMhdFiles_AndNamesAMissingFolder()
    {
        var subset = Directory.CreateDirectory(Path.Combine(temp.Path, "subset3")).FullName;
        File.WriteAllText(Path.Combine(subset, "1.2.9.mhd"), "");
        File.WriteAllText(Path.Combine(subset, "1.2.10.mhd"), "");
        File.WriteAllText(Path.Combine(subset, "1.2.10.raw"), "");

        Assert.Equal(["1.2.10", "1.2.9"], FoldScans.Read(temp.Path, 3));
        var error = Assert.Throws<DirectoryNotFoundException>(() => FoldScans.Read(temp.Path, 4));
        Assert.Contains("subset4", error.Message);
    }
}
