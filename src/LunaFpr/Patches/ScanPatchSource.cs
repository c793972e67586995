using LunaFpr.Candidates;
using LunaFpr.Imaging;

namespace LunaFpr.Patches;

/// <summary>
/// Cubes cut on demand from one scan in memory around a list of candidates: how a new scan is scored without
/// building a patch store. Entry <c>i</c> is candidate <c>i</c>; its kind follows the candidate's class and its
/// subset is −1 (no LUNA16 fold).
/// </summary>
public sealed class ScanPatchSource : IPatchSource
{
    private readonly Scan scan;

    /// <param name="scan">The scan, HU in (z, y, x).</param>
    /// <param name="candidates">World centres (x, y, z) in mm; all should belong to <paramref name="scan"/>.</param>
    /// <param name="cubeShape">Cube size (z, y, x); the network's 26 × 40 × 40 by default.</param>
    public ScanPatchSource(Scan scan, IReadOnlyList<Candidate> candidates, CubeShape? cubeShape = null)
    {
        this.scan = scan;
        CubeShape = cubeShape ?? CubeShape.Default;
        Entries = candidates
            .Select(c => new PatchEntry(
                c.SeriesUid,
                Subset: -1,
                c.Class == 1 ? PatchKind.OriginalPositive : PatchKind.Negative,
                c.CenterWorldMm,
                scan.WorldToIndexZyx(c.CenterWorldMm)))
            .ToArray();
    }

    public CubeShape CubeShape { get; }

    public IReadOnlyList<PatchEntry> Entries { get; }

    /// <summary>Indices of the entries whose centre voxel lies outside the scan (their cubes are all air).</summary>
    public IEnumerable<int> EntriesOutsideScan() =>
        Enumerable.Range(0, Entries.Count).Where(i => !scan.Contains(Entries[i].CenterIndexZyx));

    public void ReadCube(int entryIndex, Span<short> destination) =>
        CubeExtractor.Extract(scan, Entries[entryIndex].CenterIndexZyx, CubeShape, destination);
}
