using LunaFpr.Candidates;
using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// Everything drawn for one scan before a voxel is rendered: geometry (an empty scan), anatomy, ribs, vessels,
/// lesions, candidates, and the noise to add. Cheap to make, so a resumed data set re-plans finished scans
/// for their list rows without rendering them again.
/// </summary>
internal sealed record PhantomPlan(
    Scan Scan,
    int Subset,
    ChestAnatomy Anatomy,
    IReadOnlyList<TubeSegment> Ribs,
    VesselTree Vessels,
    IReadOnlyList<PlacedLesion> Lesions,
    IReadOnlyList<Candidate> Candidates,
    double NoiseSigmaHu,
    int NoiseSeed)
{
    /// <summary>The scan's list rows with this plan's scan (rendered or not).</summary>
    public SyntheticScan Describe(Scan scan)
    {
        var uid = scan.SeriesUid;
        var lesions = Lesions.Select(l => l.Lesion).ToList();
        var annotations = lesions.Where(l => l.Listing == LesionListing.Annotation)
            .Select(l => new Annotation(uid, l.CenterWorldMm, l.DiameterMm)).ToList();
        var excluded = lesions.Where(l => l.Listing != LesionListing.Annotation)
            .Select(l => new Annotation(uid, l.CenterWorldMm, l.ListedDiameterMm)).ToList();
        return new SyntheticScan(scan, Subset, annotations, excluded, Candidates, lesions, NoiseSigmaHu);
    }
}
