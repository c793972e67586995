using LunaFpr.Candidates;
using LunaFpr.Imaging.MetaImage;
using LunaFpr.Synthetic;

namespace LunaFpr.Tests.Synthetic;

/// <summary>Writing small data sets of one or two scans in the LUNA16 layout.</summary>
public sealed class SyntheticDatasetTests : IDisposable
{
    private static readonly SyntheticOptions Options = new() { Seed = 4, Scans = 2 };
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Generate_WritesScansAndListsInTheLuna16Layout()
    {
        var summary = SyntheticDataset.Generate(Options, temp.Path);

        Assert.All(Enumerable.Range(0, 10), s => Assert.True(Directory.Exists(temp.File("subset" + s))));
        var uids = SeriesUidList.Read(temp.File("seriesuids.csv"));
        Assert.Equal(["1.3.6.1.4.1.55555.1.4.0", "1.3.6.1.4.1.55555.1.4.1"], uids);
        Assert.Equal(uids[0], File.ReadLines(temp.File("seriesuids.csv")).First()); // no header line

        var expected = Enumerable.Range(0, 2).Select(i => PhantomGenerator.Describe(Options, i)).ToList();
        var rendered = PhantomGenerator.Generate(Options, 1).Scan;
        var scan = MetaImageReader.ReadScan(temp.File($"subset1/{uids[1]}.mhd"));
        Assert.Equal(rendered.Voxels, scan.Voxels);
        Assert.Equal(rendered.Direction, scan.Direction);
        Assert.Equal(rendered.Origin, scan.Origin);
        Assert.Equal(expected.SelectMany(s => s.Annotations), AnnotationCsv.Read(temp.File("annotations.csv")));
        Assert.Equal(expected.SelectMany(s => s.Excluded), AnnotationCsv.Read(temp.File("annotations_excluded.csv")));
        Assert.Equal(expected.SelectMany(s => s.Candidates), CandidateCsv.Read(temp.File("candidates.csv")));
        Assert.Equal(expected.Sum(s => s.Candidates.Count(c => c.Class == 1)), summary.Subsets.Sum(s => s.Positives));
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0, 0, 0], summary.Subsets.Select(s => s.Scans));
    }

    [Fact]
    public void Generate_ResumesWithoutRewritingFinishedScans_AndGivesTheSameBytes()
    {
        SyntheticDataset.Generate(Options, temp.Path);
        var first = Snapshot(temp.Path);
        var kept = temp.File("subset0/1.3.6.1.4.1.55555.1.4.0.raw");
        var keptTime = File.GetLastWriteTimeUtc(kept);
        File.Delete(temp.File("subset1/1.3.6.1.4.1.55555.1.4.1.mhd"));
        File.Delete(temp.File("candidates.csv"));

        var summary = SyntheticDataset.Generate(Options, temp.Path);

        Assert.Equal(1, summary.Reused);
        Assert.Equal(keptTime, File.GetLastWriteTimeUtc(kept));
        Assert.Equal(first, Snapshot(temp.Path));
    }

    [Fact]
    public void Generate_CountsScansOfOtherDataSets_LeftInTheSubsetFolders()
    {
        Directory.CreateDirectory(temp.File("subset5"));
        File.WriteAllText(temp.File("subset5/1.2.3.mhd"), "not ours");

        var summary = SyntheticDataset.Generate(Options with { Scans = 1 }, temp.Path);

        Assert.Equal(1, summary.Unlisted);
    }

    /// <summary>Every file's relative path and bytes.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            path => Path.GetRelativePath(folder, path),
            path => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
}
