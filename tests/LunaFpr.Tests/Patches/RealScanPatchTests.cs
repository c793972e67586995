using LunaFpr.Candidates;
using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Tests.Patches;

/// <summary>Prepares the real LIDC-IDRI-0001 scan with its annotated nodule and a point in the lung.</summary>
public class RealScanPatchTests
{
    private const string Uid = "1.3.6.1.4.1.14519.5.2.1.6279.6001.179049373636438705059720603192";
    private static readonly Vector3D NoduleCentre = new(56.20840547, 86.34341278, -115.8675792);
    private static readonly Vector3D LungPoint = NoduleCentre + new Vector3D(0, -60, 0); // 60 mm anterior

    [Fact]
    public void Prepare_CutsSoftTissueAtTheNodule_AndMostlyAirInTheLung()
    {
        using var folder = new TempFolder();
        var subset = Directory.CreateDirectory(Path.Combine(folder.Path, "luna16", "subset0")).FullName;
        var mhdFolder = Path.Combine(TestFiles.SharedData, "lidc-idri-0001", "mhd");
        foreach (var file in Directory.GetFiles(mhdFolder))
        {
            File.CreateSymbolicLink(Path.Combine(subset, Path.GetFileName(file)), file);
        }

        var nodule = new Annotation(Uid, NoduleCentre, 23.35064438);
        Candidate[] candidates = [new(Uid, NoduleCentre, 1), new(Uid, LungPoint, 0)];
        var candidatesPath = folder.Write("candidates.csv", "seriesuid,coordX,coordY,coordZ,class\n");
        var options = new PrepareOptions(Path.Combine(folder.Path, "luna16"), candidatesPath,
            Path.Combine(TestFiles.Luna16, "annotations.csv"),
            null, Path.Combine(folder.Path, "store")) { Subsets = [0] };

        new PatchStoreBuilder(path => ScanFiles.Read(path)).Build(options, candidates, [nodule]);

        using var store = PatchStore.Open(options.OutputDirectory);
        var original = store.Entries.Single(e => e.Kind == PatchKind.OriginalPositive);
        Assert.Equal(new IndexZyx(90, 367, 316), original.CenterIndexZyx);
        var noduleCube = store.ReadCube(store.Entries.ToList().IndexOf(original));
        var centreHu = noduleCube[(13 * 40 + 20) * 40 + 20];
        Assert.InRange(centreHu, -100, 200); // soft tissue (91 HU in this scan)

        var lungCube = store.ReadCube(store.Entries.ToList().FindIndex(e => e.Kind == PatchKind.Negative));
        var airShare = lungCube.Count(hu => hu < -500) / (double)lungCube.Length;
        Assert.True(airShare > 0.7, $"only {airShare:P0} of the lung cube is below −500 HU");

        var resampled = store.Entries.Where(e => e.Kind == PatchKind.ResampledPositive).ToList();
        Assert.Equal(Math.Min(PositiveResampler.GridInside(nodule, NoduleCentre.Z).Count, 560), resampled.Count);
        Assert.All(resampled, e => Assert.True(Vector3D.Distance(e.CenterWorldMm, NoduleCentre) < nodule.RadiusMm));
    }
}
