using System.Text.Json.Nodes;
using LunaFpr.Imaging;
using LunaFpr.Patches;
using LunaFpr.Tests.Support;

namespace LunaFpr.Tests.Patches;

public class PatchStoreTests
{
    private static string Prepared(FakeLuna16 luna)
    {
        var store = luna.Store("store");
        new PatchStoreBuilder(luna.ReadScan).Build(luna.Options(store), luna.Candidates, luna.Annotations);
        return store;
    }

    [Fact]
    public void ReadCube_ReturnsTheCubeCutFromTheScan_ForEveryEntry()
    {
        using var luna = new FakeLuna16();
        using var store = PatchStore.Open(Prepared(luna));
        var cube = new short[store.CubeShape.VoxelCount];
        var expected = new short[cube.Length];

        for (var i = 0; i < store.Entries.Count; i++)
        {
            var entry = store.Entries[i];
            var scan = luna.ReadScan(entry.SeriesUid + ".mhd");
            Assert.Equal(scan.WorldToIndexZyx(entry.CenterWorldMm), entry.CenterIndexZyx);
            CubeExtractor.Extract(scan, entry.CenterIndexZyx, store.CubeShape, expected);

            store.ReadCube(i, cube);

            Assert.Equal(expected, cube);
        }
    }

    [Fact]
    public void Entries_CarryKindSubsetAndExactWorldCentre_AsTheListGaveThem()
    {
        using var luna = new FakeLuna16();
        using var store = PatchStore.Open(Prepared(luna));

        var corner = store.Entries.Single(e => e.CenterWorldMm == new Vector3D(0, 0, 0));
        var last = store.Entries[^1];

        Assert.Equal(new PatchEntry("1.1.1", 0, PatchKind.Negative, new Vector3D(0, 0, 0), new IndexZyx(0, 0, 0)),
            corner);
        Assert.Equal(new PatchEntry("2.2.2", 1, PatchKind.Negative, new Vector3D(15, 15, 5), new IndexZyx(5, 15, 15)),
            last);
        Assert.Equal(store.Entries.Count(e => e.Kind == PatchKind.ResampledPositive),
            store.CountsBySeries()["1.1.1"].Resampled);
    }

    [Fact]
    public void ReadCube_GivesTheSameCubes_FromManyThreadsAtOnce()
    {
        using var luna = new FakeLuna16();
        using var store = PatchStore.Open(Prepared(luna));
        var serial = Enumerable.Range(0, store.Entries.Count).Select(store.ReadCube).ToArray();

        var parallel = new short[store.Entries.Count][];
        Parallel.For(0, store.Entries.Count * 20, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var i = k % store.Entries.Count;
            parallel[i] = store.ReadCube(i);
        });

        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Open_NamesTheFileAndTheFix_WhenTheFormatVersionDiffers()
    {
        using var luna = new FakeLuna16();
        var store = Prepared(luna);
        var manifestPath = PatchStoreLayout.Manifest(store);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["formatVersion"] = 99;
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => PatchStore.Open(store));

        Assert.Contains(manifestPath, error.Message);
        Assert.Contains("version 99", error.Message);
        Assert.Contains("--force", error.Message);
    }

    [Fact]
    public void Open_NamesTheTruncatedDataFileAndTheFix()
    {
        using var luna = new FakeLuna16();
        var store = Prepared(luna);
        var data = PatchStoreLayout.SeriesData(store, 0, "1.1.1");
        using (var stream = new FileStream(data, FileMode.Open))
        {
            stream.SetLength(stream.Length - 10);
        }

        var error = Assert.Throws<InvalidDataException>(() => PatchStore.Open(store));

        Assert.Contains(data, error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("lunafpr prepare", error.Message);
    }

    [Fact]
    public void Open_SaysTheStoreIsUnfinished_WhenASeriesIndexIsMissing()
    {
        using var luna = new FakeLuna16();
        var store = Prepared(luna);
        File.Delete(PatchStoreLayout.SeriesIndex(store, 1, "2.2.2"));

        var error = Assert.Throws<FileNotFoundException>(() => PatchStore.Open(store));

        Assert.Contains("2.2.2", error.Message);
        Assert.Contains("never finished", error.Message);
    }

    [Fact]
    public void Open_SaysTheFolderIsNoStore_WithoutAManifest()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<FileNotFoundException>(() => PatchStore.Open(folder.Path));

        Assert.Contains("lunafpr prepare", error.Message);
    }

    [Fact]
    public void DataFile_TakesHalfTheBytesOfFloat32Cubes()
    {
        using var luna = new FakeLuna16();
        var store = Prepared(luna);
        using var opened = PatchStore.Open(store);

        var bytes = opened.Subsets.SelectMany(opened.SeriesUids)
            .Sum(uid => new FileInfo(PatchStoreLayout.SeriesData(store, uid == "2.2.2" ? 1 : 0, uid)).Length);

        Assert.Equal(opened.Entries.Count * opened.CubeShape.VoxelCount * sizeof(float) / 2, bytes);
    }

    [Fact]
    public void ReadCube_Throws_AfterTheStoreIsDisposed()
    {
        using var luna = new FakeLuna16();
        var store = PatchStore.Open(Prepared(luna));
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.ReadCube(0));
    }

    [Fact]
    public void Open_NamesTheIndexAndLine_WhenAKindIsUnknown()
    {
        using var luna = new FakeLuna16();
        var store = Prepared(luna);
        var index = PatchStoreLayout.SeriesIndex(store, 1, "2.2.2");
        File.WriteAllText(index, File.ReadAllText(index).Replace("Negative", "Vessel"));

        var error = Assert.Throws<InvalidDataException>(() => PatchStore.Open(store));

        Assert.Contains($"'{index}' line 2", error.Message);
        Assert.Contains("'Vessel'", error.Message);
    }

    [Fact]
    public void Open_Refuses_ASeriesListEntryThatLeavesTheStore()
    {
        using var luna = new FakeLuna16();
        var store = Prepared(luna);
        File.WriteAllText(PatchStoreLayout.SeriesUids(store, 1), "../../etc/passwd\n");

        var error = Assert.Throws<InvalidDataException>(() => PatchStore.Open(store));

        Assert.Contains("no series UID", error.Message);
    }
}
