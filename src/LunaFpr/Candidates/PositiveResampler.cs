using LunaFpr.Imaging;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Candidates;

/// <summary>
/// Turns one series' candidates into training points and adds resampled positives (SPEC §2.2): for each class-1
/// candidate, the annotated nodule that contains it (distance to the centre ≤ radius, the nearest if several)
/// gets new points on a 1 mm grid in world x and y, centred on the nodule, at the candidate's z, strictly inside
/// the nodule's sphere. Nodules of at most 10 mm keep every grid point; larger ones keep a seeded random subset
/// of at most min(24 × diameter_mm, 1000).
/// </summary>
/// <remarks>
/// The subset is drawn from a generator seeded by the user seed, the series UID, the nodule and the plane's z,
/// so the same seed gives the same points whatever order or thread series are processed in. Two class-1
/// candidates of one nodule on the same z share one plane of points instead of adding it twice.
/// A class-1 candidate that lies in no nodule is logged as a warning and gets no resampled points; it is still
/// kept as an original positive, because prediction must score every candidate of the list (SPEC §5).
/// </remarks>
public sealed class PositiveResampler(int seed, ILogger? logger = null, int? planeCap = null)
{
    /// <summary>Nodules up to this diameter (mm) keep every grid point.</summary>
    public const double FullGridMaxDiameterMm = 10;

    /// <summary>Grid spacing in world x and y, mm.</summary>
    public const double GridStepMm = 1;

    private readonly ILogger log = logger ?? NullLogger.Instance;

    /// <summary>The seed that makes the random subsets of large nodules repeatable.</summary>
    public int Seed { get; } = seed;

    /// <summary>
    /// Most points any plane keeps, on top of the SPEC's rule (null: the rule alone). A cap keeps a store small
    /// where positives are drawn per nodule and a few dozen cubes per plane are plenty.
    /// </summary>
    public int? PlaneCap { get; } = planeCap is null or >= 1 ? planeCap
        : throw new ArgumentOutOfRangeException(nameof(planeCap), planeCap, "A plane cap must be at least 1.");

    /// <summary>
    /// Training points of one series: every candidate as a negative or original positive, in list order,
    /// followed by the resampled positives. <paramref name="nodules"/> are that series' annotations.
    /// </summary>
    public SeriesPoints Resample(
        string seriesUid,
        IReadOnlyList<Candidate> candidates,
        IReadOnlyList<Annotation> nodules)
    {
        var points = new List<TrainingPoint>(candidates.Count);
        var planes = new HashSet<(int Nodule, double ZMm)>();
        var resampled = new List<TrainingPoint>();
        var unmatched = 0;

        foreach (var candidate in candidates)
        {
            var isPositive = candidate.Class == 1;
            var kind = isPositive ? PatchKind.OriginalPositive : PatchKind.Negative;
            points.Add(new TrainingPoint(seriesUid, candidate.CenterWorldMm, kind));
            if (isPositive && !AddPlane(seriesUid, candidate, nodules, planes, resampled))
            {
                unmatched++;
            }
        }

        points.AddRange(resampled);
        return new SeriesPoints(points, unmatched);
    }

    /// <summary>Adds the plane of the nodule that holds a positive, once per (nodule, z); false if none does.</summary>
    private bool AddPlane(
        string seriesUid,
        Candidate positive,
        IReadOnlyList<Annotation> nodules,
        HashSet<(int Nodule, double ZMm)> planes,
        List<TrainingPoint> resampled)
    {
        var noduleIndex = FindContainingNodule(positive.CenterWorldMm, nodules);
        if (noduleIndex < 0)
        {
            log.LogWarning(
                "Series {SeriesUid}: class-1 candidate at {World} lies in no annotated nodule; not resampled.",
                seriesUid, positive.CenterWorldMm);
            return false;
        }

        var zMm = positive.CenterWorldMm.Z;
        if (planes.Add((noduleIndex, zMm)))
        {
            var planeSeed = StableSeed.Derive(Seed, seriesUid, noduleIndex, BitConverter.DoubleToInt64Bits(zMm));
            resampled.AddRange(SamplePlane(nodules[noduleIndex], zMm, PlaneCap, new Random(planeSeed))
                .Select(p => new TrainingPoint(seriesUid, p, PatchKind.ResampledPositive)));
        }

        return true;
    }

    /// <summary>
    /// Index of the nodule whose sphere holds <paramref name="worldMm"/> (distance to the centre ≤ radius), the
    /// nearest centre if several do; −1 if none.
    /// </summary>
    public static int FindContainingNodule(Vector3D worldMm, IReadOnlyList<Annotation> nodules)
    {
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var i = 0; i < nodules.Count; i++)
        {
            var distance = Vector3D.Distance(worldMm, nodules[i].CenterWorldMm);
            if (distance <= nodules[i].RadiusMm && distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Most resampled points one plane of a nodule of <paramref name="diameterMm"/> keeps.</summary>
    public static int MaxPointsPerPlane(double diameterMm) =>
        diameterMm <= FullGridMaxDiameterMm ? int.MaxValue : Math.Min((int)Math.Floor(24 * diameterMm), 1000);

    /// <summary>
    /// Every point of the 1 mm grid in world x and y centred on <paramref name="nodule"/>, at world
    /// <paramref name="zMm"/>, strictly inside its sphere; row by row (y, then x ascending).
    /// </summary>
    public static IReadOnlyList<Vector3D> GridInside(Annotation nodule, double zMm)
    {
        var r = nodule.RadiusMm;
        var dz = zMm - nodule.CenterWorldMm.Z;
        var points = new List<Vector3D>();
        if (!(r > 0) || Math.Abs(dz) >= r)
        {
            return points;
        }

        var steps = (int)Math.Ceiling(r / GridStepMm);
        for (var j = -steps; j <= steps; j++)
        {
            for (var i = -steps; i <= steps; i++)
            {
                double dx = i * GridStepMm, dy = j * GridStepMm;
                if (dx * dx + dy * dy + dz * dz < r * r)
                {
                    points.Add(new Vector3D(nodule.CenterWorldMm.X + dx, nodule.CenterWorldMm.Y + dy, zMm));
                }
            }
        }

        return points;
    }

    /// <summary>
    /// The grid of one plane, cut to a random subset (kept in grid order) for large nodules or beyond
    /// <paramref name="cap"/>.
    /// </summary>
    private static IReadOnlyList<Vector3D> SamplePlane(Annotation nodule, double zMm, int? cap, Random random)
    {
        var grid = GridInside(nodule, zMm);
        var keep = Math.Min(MaxPointsPerPlane(nodule.DiameterMm), cap ?? int.MaxValue);
        if (grid.Count <= keep)
        {
            return grid;
        }

        // Partial Fisher–Yates: the first `keep` slots end up a uniform sample without repeats.
        var order = Enumerable.Range(0, grid.Count).ToArray();
        for (var i = 0; i < keep; i++)
        {
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }

        Array.Sort(order, 0, keep);
        return order.Take(keep).Select(i => grid[i]).ToList();
    }
}

/// <summary>Training points of one series and how many class-1 candidates lay in no nodule.</summary>
public sealed record SeriesPoints(IReadOnlyList<TrainingPoint> Points, int UnmatchedPositives);
