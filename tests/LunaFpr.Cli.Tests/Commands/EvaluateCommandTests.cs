using LunaFpr.Cli.Commands;

namespace LunaFpr.Cli.Tests.Commands;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lunafpr-cli-evaluate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Evaluate_WritesSummaryTablesAndPlot_ForASmallSubmission()
    {
        var output = Path.Combine(folder, "out");

        var code = Run(Inputs("A,1,0,0,0.9\nA,50,0,0,0.8\nB,0,0,1,0.7\nB,40,0,0,0.5\n"), "--out", output,
            "--bootstrap", "50");

        Assert.Equal(0, code);
        string[] files = ["froc.csv", "froc.png", "froc_band.csv", "missed_nodules.csv", "operating_points.csv",
            "summary.txt"];
        Assert.Equal(files, Directory.GetFiles(output).Select(Path.GetFileName).Order());
        var summary = File.ReadAllText(Path.Combine(output, "summary.txt"));
        Assert.Contains("CPM                           0.571428571  [", summary);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(output, "froc.png"))[..4]);
    }

    [Fact]
    public void Evaluate_ExitsWithCode2AndWritesNothing_WhenAProbabilityIsNotANumber()
    {
        var output = Path.Combine(folder, "out");

        var code = Run(Inputs("A,1,0,0,0.9\nA,50,0,0,high\n"), "--out", output);

        Assert.Equal(2, code);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Evaluate_ScoresOnlyTheFoldsScans_WithFoldAndLuna16()
    {
        var subset = Directory.CreateDirectory(Path.Combine(folder, "luna16", "subset0")).FullName;
        File.WriteAllText(Path.Combine(subset, "A.mhd"), "");
        var output = Path.Combine(folder, "out");

        var code = Run(Inputs("A,1,0,0,0.9\nA,50,0,0,0.8\n"), "--out", output, "--bootstrap", "0",
            "--fold", "0", "--luna16", Path.Combine(folder, "luna16"));

        Assert.Equal(0, code);
        var summary = File.ReadAllText(Path.Combine(output, "summary.txt"));
        Assert.Contains("Scans in the list             1\n", summary);
        Assert.Contains("CPM                           1.000000000\n", summary);
        Assert.DoesNotContain("Warnings", summary);
    }

    private string[] Inputs(string submissionRows)
    {
        var submission = Write("submission.csv", "seriesuid,coordX,coordY,coordZ,probability\n" + submissionRows);
        var annotations = Write("annotations.csv",
            "seriesuid,coordX,coordY,coordZ,diameter_mm\nA,0,0,0,10\nB,0,0,0,6\nB,0,100,0,8\n");
        var excluded = Write("excluded.csv", "seriesuid,coordX,coordY,coordZ,diameter_mm\nB,0,-60,0,-1\n");
        var uids = Write("seriesuids.csv", "A\nB\n");
        return ["--submission", submission, "--annotations", annotations, "--excluded", excluded,
            "--seriesuids", uids];
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static int Run(string[] inputs, params string[] more) =>
        EvaluateCommand.Create().Parse([.. inputs, .. more]).Invoke();
}
