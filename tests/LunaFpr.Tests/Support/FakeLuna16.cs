using LunaFpr.Candidates;
using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Tests.Support;

/// <summary>
/// A LUNA16-shaped folder of three tiny synthetic series (two in subset0, one in subset1) with candidates and
/// one nodule, for store tests. The <c>.mhd</c> files are empty markers; <see cref="ReadScan"/> serves the scans
/// from memory and counts how often it was asked.
/// </summary>
internal sealed class FakeLuna16 : IDisposable
{
    public static readonly string[] Uids = ["1.1.1", "1.1.2", "2.2.2"];

    private readonly TempFolder folder = new();
    private readonly Dictionary<string, Scan> scans;
    private int reads;

    public FakeLuna16()
    {
        scans = Uids.ToDictionary(uid => uid, uid => MakeScan(uid));
        foreach (var (uid, subset) in Uids.Zip(new[] { 0, 0, 1 }))
        {
            Directory.CreateDirectory(Path.Combine(folder.Path, "luna16", $"subset{subset}"));
            File.WriteAllText(Path.Combine(folder.Path, "luna16", $"subset{subset}", uid + ".mhd"), "");
        }

        File.WriteAllText(CandidatesPath, "seriesuid,coordX,coordY,coordZ,class\n(test data in memory)\n");
        File.WriteAllText(AnnotationsPath, "seriesuid,coordX,coordY,coordZ,diameter_mm\n(test data in memory)\n");
        File.WriteAllText(ExcludedPath, "seriesuid,coordX,coordY,coordZ,diameter_mm\n");
        Candidates =
        [
            new(Uids[0], new Vector3D(10, 12, 8), 0),
            new(Uids[0], new Vector3D(0, 0, 0), 0), // at the corner: a cube that crosses three faces
            new(Uids[0], new Vector3D(20, 20, 10), 1),
            new(Uids[1], new Vector3D(5, 25, 3), 0),
            new(Uids[2], new Vector3D(15, 15, 5), 0),
            new("9.9.9", new Vector3D(1, 1, 1), 0), // a series without a scan
        ];
        Annotations = [new(Uids[0], new Vector3D(20.5, 19.5, 10), 6)];
    }

    public string Luna16Directory => Path.Combine(folder.Path, "luna16");

    public string CandidatesPath => Path.Combine(folder.Path, "candidates.csv");

    public string AnnotationsPath => Path.Combine(folder.Path, "annotations.csv");

    public string ExcludedPath => Path.Combine(folder.Path, "annotations_excluded.csv");

    public IReadOnlyList<Candidate> Candidates { get; }

    public IReadOnlyList<Annotation> Annotations { get; }

    public int Reads => Volatile.Read(ref reads);

    public string Store(string name) => Path.Combine(folder.Path, name);

    public PrepareOptions Options(string store, int workers = 1) =>
        new(Luna16Directory, CandidatesPath, AnnotationsPath, ExcludedPath, store)
        {
            Workers = workers,
            Seed = 5,
            CubeShape = new CubeShape(6, 8, 8),
        };

    public Scan ReadScan(string path)
    {
        Interlocked.Increment(ref reads);
        return scans[Path.GetFileNameWithoutExtension(path)];
    }

    public void Dispose() => folder.Dispose();

    private static Scan MakeScan(string uid)
    {
        var size = new VolumeSize(32, 30, 12);
        var scan = SyntheticScans.Uniform(uid, size, -900);
        for (var i = 0; i < scan.Voxels.Length; i++)
        {
            scan.Voxels[i] = (short)(-900 + i % 1700 + uid.Length);
        }

        return scan;
    }
}
