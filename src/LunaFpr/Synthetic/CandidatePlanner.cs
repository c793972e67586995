using LunaFpr.Candidates;
using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// A detector's candidate list for one scan. Positives (class 1): 2–5 per annotated nodule, a few mm off its
/// centre and strictly inside its radius. Negatives (class 0): where detectors fire falsely — vessel centres
/// (mostly vessels running across the slice, which look like nodules on one slice), bifurcations, crossings,
/// pleura, parenchyma and chest wall, plus one on most excluded findings as real lists have. No negative lies
/// within a nodule's radius, and the random ones keep clear of excluded findings too.
/// </summary>
internal sealed class CandidatePlanner
{
    private readonly ChestAnatomy anatomy;
    private readonly VesselTree vessels;
    private readonly VesselIndex vesselIndex;
    private readonly IReadOnlyList<SyntheticLesion> lesions;
    private readonly Scan scan;
    private readonly Random random;
    private readonly (Vector3D Min, Vector3D Max) box;
    private readonly double visibleRadiusMm;
    private readonly List<VesselPiece> visiblePieces;
    private readonly double[] pieceWeights;
    private readonly List<Vector3D> crossings;

    public CandidatePlanner(ChestAnatomy anatomy, VesselTree vessels, VesselIndex vesselIndex,
        IReadOnlyList<SyntheticLesion> lesions, Scan scan, Random random)
    {
        this.anatomy = anatomy;
        this.vessels = vessels;
        this.vesselIndex = vesselIndex;
        this.lesions = lesions;
        this.scan = scan;
        this.random = random;
        box = ScanLayout.WorldBox(scan);
        // A vessel whose centre voxel reaches blood HU despite partial volume.
        visibleRadiusMm = Math.Max(1.0, 0.55 * Math.Min(scan.Spacing.X, scan.Spacing.Y));
        visiblePieces = vessels.Pieces.Where(p => p.Tube.RadiusAt(0.5) >= visibleRadiusMm).ToList();
        pieceWeights = CumulativeWeights(visiblePieces);
        crossings = FindCrossings();
    }

    /// <summary>Positives, then negatives on excluded findings, then <paramref name="negatives"/> others,
    /// shuffled together.</summary>
    public List<Candidate> Plan(int negatives)
    {
        var list = new List<Candidate>();
        foreach (var nodule in lesions.Where(l => l.Listing == LesionListing.Annotation))
        {
            for (var i = random.Next(2, 6); i > 0; i--)
            {
                var jitter = random.UnitVector() * U(0, Math.Min(3, 0.6 * nodule.RadiusMm));
                list.Add(new Candidate(scan.SeriesUid, LesionPlanner.RoundedMm(nodule.CenterWorldMm + jitter), 1));
            }
        }

        foreach (var finding in lesions.Where(l => l.Listing != LesionListing.Annotation))
        {
            if (random.NextDouble() < 0.6)
            {
                var jitter = random.UnitVector() * U(0, Math.Min(1.5, 0.5 * finding.RadiusMm));
                list.Add(new Candidate(scan.SeriesUid, LesionPlanner.RoundedMm(finding.CenterWorldMm + jitter), 0));
            }
        }

        AddNegatives(list, negatives);
        Shuffle(list);
        return list;
    }

    private void AddNegatives(List<Candidate> list, int count)
    {
        var added = 0;
        for (var attempt = 0; added < count && attempt < count * 50; attempt++)
        {
            var roll = random.NextDouble();
            var p = roll switch
            {
                < 0.40 => OnVessel(),
                < 0.62 => OnBifurcation(),
                < 0.70 => OnCrossing(),
                < 0.85 => LungSampler.Point(anatomy, random, -4, -0.5),
                < 0.95 => InParenchyma(),
                _ => LungSampler.Point(anatomy, random, 0.5, 6),
            };
            if (p is { } found && IsClear(LesionPlanner.RoundedMm(found)))
            {
                list.Add(new Candidate(scan.SeriesUid, LesionPlanner.RoundedMm(found), 0));
                added++;
            }
        }
    }

    private Vector3D? OnVessel()
    {
        if (visiblePieces.Count == 0)
        {
            return null;
        }

        var index = Array.BinarySearch(pieceWeights, random.NextDouble() * pieceWeights[^1]);
        var tube = visiblePieces[index < 0 ? ~index : index].Tube;
        var t = random.NextDouble();
        return tube.At(t) + random.UnitVector() * U(0, Math.Min(1.5, 0.5 * tube.RadiusAt(t)));
    }

    private Vector3D? OnBifurcation()
    {
        var visible = vessels.Bifurcations.Where(b => b.RadiusMm >= visibleRadiusMm).ToList();
        return visible.Count == 0
            ? null
            : visible[random.Next(visible.Count)].CentreMm + random.UnitVector() * U(0, 1.5);
    }

    private Vector3D? OnCrossing() =>
        crossings.Count == 0 ? null : crossings[random.Next(crossings.Count)] + random.UnitVector() * U(0, 1);

    private Vector3D? InParenchyma()
    {
        var p = LungSampler.Point(anatomy, random, double.NegativeInfinity, -5);
        return p is { } point && vesselIndex.WallDistance(point, 4) >= 3 ? point : null;
    }

    /// <summary>Inside the scan, outside every nodule's radius (with a margin), clear of excluded findings.</summary>
    private bool IsClear(Vector3D p)
    {
        var inside = p.X >= box.Min.X && p.X <= box.Max.X && p.Y >= box.Min.Y && p.Y <= box.Max.Y
            && p.Z >= box.Min.Z && p.Z <= box.Max.Z;
        return inside && lesions.All(l => Vector3D.Distance(p, l.CenterWorldMm) >= ClearanceMm(l));
    }

    /// <summary>How far a random negative stays from a lesion: radius + 1.5 mm; LUNA16's evaluation treats an
    /// excluded finding of unknown size as 10 mm across.</summary>
    private static double ClearanceMm(SyntheticLesion lesion) => lesion.Listing switch
    {
        LesionListing.ExcludedUnknownSize => Math.Max(5, lesion.RadiusMm * 2.6) + 1.5,
        _ => lesion.RadiusMm + 1.5,
    };

    /// <summary>Points where two unrelated vessels pass within touching distance: on a slice the overlap
    /// makes a bright blob.</summary>
    private List<Vector3D> FindCrossings()
    {
        var pieces = vessels.Pieces;
        var found = new List<Vector3D>();
        foreach (var piece in visiblePieces)
        {
            var steps = Math.Max(1, (int)(piece.Tube.LengthMm / 2));
            for (var s = 0; s <= steps; s++)
            {
                var p = piece.Tube.At((double)s / steps);
                var r = piece.Tube.RadiusAt((double)s / steps);
                foreach (var j in vesselIndex.Near(p, r + 5))
                {
                    var other = pieces[j];
                    if (Related(piece, other))
                    {
                        continue;
                    }

                    var d = other.Tube.AxisDistance(p, out var t);
                    if (d < r + other.Tube.RadiusAt(t) && other.Tube.RadiusAt(t) >= 0.5 * visibleRadiusMm)
                    {
                        found.Add((p + other.Tube.At(t)) * 0.5);
                    }
                }
            }
        }

        return found;
    }

    private static bool Related(VesselPiece a, VesselPiece b) =>
        a.Branch == b.Branch || a.Branch == b.ParentBranch || b.Branch == a.ParentBranch
        || (a.ParentBranch == b.ParentBranch && a.ParentBranch >= 0);

    /// <summary>Vessels cut across (running along z) are favoured: they are the nodule look-alikes.</summary>
    private static double[] CumulativeWeights(List<VesselPiece> pieces)
    {
        var weights = new double[pieces.Count];
        var sum = 0.0;
        for (var i = 0; i < pieces.Count; i++)
        {
            sum += 0.3 + Math.Abs(pieces[i].Tube.Direction.Z);
            weights[i] = sum;
        }

        return weights;
    }

    private void Shuffle(List<Candidate> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private double U(double low, double high) => random.Uniform(low, high);
}
