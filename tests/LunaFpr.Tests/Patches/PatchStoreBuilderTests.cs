using LunaFpr.Patches;
using LunaFpr.Tests.Support;

namespace LunaFpr.Tests.Patches;

public class PatchStoreBuilderTests
{
    private static PrepareResult Build(FakeLuna16 luna, PrepareOptions options, CancellationToken cancel = default,
        IProgress<PrepareProgress>? progress = null) =>
        new PatchStoreBuilder(luna.ReadScan).Build(options, luna.Candidates, luna.Annotations, progress, cancel);

    private static Dictionary<string, byte[]> Contents(string store) =>
        Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(store, f), File.ReadAllBytes);

    [Fact]
    public void Build_WritesEveryPointOfEverySeries_WithCountsPerSubset()
    {
        using var luna = new FakeLuna16();
        var store = luna.Store("store");

        var result = Build(luna, luna.Options(store, workers: 2));

        Assert.Equal(3, result.ScansPrepared);
        Assert.Equal(1, result.CandidatesWithoutScan);
        Assert.Equal(1, result.SeriesWithoutScan);
        Assert.Equal(1, result.CountsBySubset[0].Original);
        Assert.Equal(3, result.CountsBySubset[0].Negative);
        Assert.True(result.CountsBySubset[0].Resampled > 5);
        Assert.Equal(new PatchCounts(0, 0, 1), result.CountsBySubset[1]);
        Assert.Equal(0, result.CountsBySubset[2].Total);
        using var opened = PatchStore.Open(store);
        Assert.Equal(result.CountsBySubset.Values.Sum(c => c.Total), opened.Entries.Count);
        Assert.Equal(["1.1.1", "1.1.2"], opened.SeriesUids(0));
    }

    [Fact]
    public void Build_SkipsFinishedSeriesAndEndsLikeACleanRun_AfterAKillAndLeftovers()
    {
        using var luna = new FakeLuna16();
        var clean = luna.Store("clean");
        Build(luna, luna.Options(clean));
        var resumed = luna.Store("resumed");

        // Kill after the first series: the cancellation hits while the second series is being cut.
        using var kill = new CancellationTokenSource();
        var cancelAfterFirst = new InlineProgress(p => { if (p.ScansDone == 1) kill.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => Build(luna, luna.Options(resumed), kill.Token,
            cancelAfterFirst));
        var firstIndex = Path.Combine(resumed, "subset0", "1.1.1.csv");
        var firstWritten = File.GetLastWriteTimeUtc(firstIndex);
        Assert.False(File.Exists(Path.Combine(resumed, "subset0", "1.1.2.csv")));
        // As if a harder kill had also left a temporary file and a series whose data file was cut short.
        File.WriteAllText(Path.Combine(resumed, "subset0", "1.1.2.cubes.tmp"), "half");
        File.Copy(Path.Combine(clean, "subset1", "2.2.2.csv"), Path.Combine(resumed, "subset1", "2.2.2.csv"));
        File.WriteAllBytes(Path.Combine(resumed, "subset1", "2.2.2.cubes"), new byte[100]);
        var readsBefore = luna.Reads;

        var result = Build(luna, luna.Options(resumed));

        Assert.Equal(1, result.ScansSkipped);
        Assert.Equal(2, result.ScansPrepared);
        Assert.Equal(2, luna.Reads - readsBefore);
        Assert.Equal(firstWritten, File.GetLastWriteTimeUtc(firstIndex));
        Assert.Equal(Contents(clean), Contents(resumed));
    }

    [Fact]
    public void Build_RedoesEverySeries_WithForce()
    {
        using var luna = new FakeLuna16();
        var store = luna.Store("store");
        Build(luna, luna.Options(store));
        var before = Contents(store);

        var result = Build(luna, luna.Options(store) with { Force = true });

        Assert.Equal(3, result.ScansPrepared);
        Assert.Equal(0, result.ScansSkipped);
        Assert.Equal(before, Contents(store));
    }

    [Fact]
    public void Build_GivesTheSameStore_WithOneOrTwoWorkers()
    {
        using var luna = new FakeLuna16();
        Build(luna, luna.Options(luna.Store("one"), workers: 1));
        Build(luna, luna.Options(luna.Store("two"), workers: 2));

        Assert.Equal(Contents(luna.Store("one")), Contents(luna.Store("two")));
    }

    [Fact]
    public void Build_RefusesAStoreMadeWithAnotherSeed_WithoutForce()
    {
        using var luna = new FakeLuna16();
        var store = luna.Store("store");
        Build(luna, luna.Options(store));

        var error = Assert.Throws<InvalidDataException>(() => Build(luna, luna.Options(store) with { Seed = 6 }));

        Assert.Contains("seed 5 instead of 6", error.Message);
        Assert.Contains("--force", error.Message);
    }

    [Fact]
    public void Build_WithAPlaneCap_KeepsFewerPositives_RecordsTheCap_AndRefusesAnotherOne()
    {
        using var luna = new FakeLuna16();
        var full = Build(luna, luna.Options(luna.Store("full")));
        var capped = Build(luna, luna.Options(luna.Store("capped")) with { PlaneCap = 2 });

        var fullCount = full.CountsBySubset.Values.Sum(c => c.Resampled);
        var cappedCount = capped.CountsBySubset.Values.Sum(c => c.Resampled);
        Assert.InRange(cappedCount, 1, fullCount - 1);
        Assert.Equal(2, PatchStoreManifest.Load(PatchStoreLayout.Manifest(luna.Store("capped"))).PlaneCap);
        var error = Assert.Throws<InvalidDataException>(() => Build(luna, luna.Options(luna.Store("capped"))));
        Assert.Contains("plane cap 2 instead of none", error.Message);
    }

    [Fact]
    public void Build_RefusesAFolderThatIsNeitherEmptyNorAStore()
    {
        using var luna = new FakeLuna16();
        var store = luna.Store("store");
        Directory.CreateDirectory(store);
        File.WriteAllText(Path.Combine(store, "notes.txt"), "mine");

        Assert.Throws<IOException>(() => Build(luna, luna.Options(store)));
    }

    [Fact]
    public void Build_KeepsCopiesOfTheAnnotationLists_AndSeriesListsPerSubset()
    {
        using var luna = new FakeLuna16();
        var store = luna.Store("store");

        Build(luna, luna.Options(store) with { Subsets = [1] });

        using var opened = PatchStore.Open(store);
        Assert.Equal(File.ReadAllBytes(luna.AnnotationsPath), File.ReadAllBytes(opened.AnnotationsPath));
        Assert.Equal(File.ReadAllBytes(luna.ExcludedPath), File.ReadAllBytes(opened.ExcludedAnnotationsPath!));
        Assert.Equal(["2.2.2"], File.ReadAllLines(opened.SeriesUidsPath(1)));
        Assert.Equal([1], opened.Subsets);
    }

    [Fact]
    public void Build_WritesAnEmptySeries_ForAScanWithoutCandidates()
    {
        using var luna = new FakeLuna16();
        var store = luna.Store("store");
        var withoutLast = luna.Candidates.Where(c => c.SeriesUid != "2.2.2").ToList();

        var result = new PatchStoreBuilder(luna.ReadScan).Build(luna.Options(store), withoutLast, luna.Annotations);

        Assert.Equal(0, result.CountsBySubset[1].Total);
        using var opened = PatchStore.Open(store);
        Assert.Equal(["2.2.2"], opened.SeriesUids(1));
        Assert.DoesNotContain(opened.Entries, e => e.Subset == 1);
        Assert.Equal(0, new FileInfo(PatchStoreLayout.SeriesData(store, 1, "2.2.2")).Length);
    }

    /// <summary>Reports synchronously on the worker's thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class InlineProgress(Action<PrepareProgress> report) : IProgress<PrepareProgress>
    {
        public void Report(PrepareProgress value) => report(value);
    }
}
