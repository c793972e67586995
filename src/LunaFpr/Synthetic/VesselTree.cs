using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>One piece of a vessel tree: its tube, its branch and the branch that one grew from.</summary>
internal readonly record struct VesselPiece(TubeSegment Tube, int Branch, int ParentBranch);

/// <summary>A vessel bifurcation: where a parent branch splits, world (x, y, z) mm, and the parent's radius.</summary>
internal readonly record struct Bifurcation(Vector3D CentreMm, double RadiusMm);

/// <summary>
/// Pulmonary arteries and veins as random branching trees grown from each hilum inside the lungs. Each branch
/// is three slightly bent tubes, thinning a little; at its end it splits in two by Murray's law
/// (r³ = r₁³ + r₂³), the thinner child turning away more sharply and each heading for open lung, until the
/// radius falls below what the scan can show. Blood is ≈ 40 HU, so a vessel cut across looks like a nodule on
/// one slice.
/// </summary>
internal sealed class VesselTree
{
    private const int TrunksPerSide = 8;
    private readonly ChestAnatomy anatomy;
    private readonly Random random;
    private readonly double minRadiusMm;
    private readonly int maxPieces;
    private readonly List<VesselPiece> pieces = [];
    private readonly List<Bifurcation> bifurcations = [];
    private readonly Queue<Sprout> sprouts = new();
    private int branches;

    private VesselTree(ChestAnatomy anatomy, Random random, double minRadiusMm, int maxPieces)
    {
        this.anatomy = anatomy;
        this.random = random;
        this.minRadiusMm = minRadiusMm;
        this.maxPieces = maxPieces;
    }

    public IReadOnlyList<VesselPiece> Pieces => pieces;
    public IReadOnlyList<Bifurcation> Bifurcations => bifurcations;

    /// <summary>Grows the trees of both lungs.</summary>
    /// <param name="anatomy">The chest whose lungs the trees fill.</param>
    /// <param name="random">The scan's planning stream.</param>
    /// <param name="minRadiusMm">Branches thinner than this end (mm).</param>
    /// <param name="maxPieces">Upper bound on tube pieces, to bound rendering time.</param>
    public static VesselTree Grow(ChestAnatomy anatomy, Random random, double minRadiusMm, int maxPieces)
    {
        var tree = new VesselTree(anatomy, random, minRadiusMm, maxPieces);
        tree.PlantTrunks();
        while (tree.sprouts.Count > 0 && tree.pieces.Count < maxPieces)
        {
            tree.GrowBranch(tree.sprouts.Dequeue());
        }

        return tree;
    }

    private void PlantTrunks()
    {
        var scale = anatomy.HalfWidthMm / 165;
        foreach (var side in new[] { -1, 1 })
        {
            var hilum = anatomy.Hilum(side);
            for (var trunk = 0; trunk < TrunksPerSide; trunk++)
            {
                // Arteries and veins fan out from the hilum to every part of the lung, a band of heights each.
                var vein = trunk % 2 == 1;
                var start = hilum + new Vector3D(-side * 4, vein ? -6 : 2, vein ? -12 : 0);
                var band = (trunk + U(0.2, 0.8)) / TrunksPerSide;
                var target = LungTarget(side, anatomy.LungBottomZ + anatomy.LungHeightMm * (0.05 + 0.9 * band));
                var direction = TubeSegment.Normalised(target - start);
                sprouts.Enqueue(new Sprout(start, direction, U(3.5, 5.0) * scale, -1));
            }
        }
    }

    private void GrowBranch(Sprout sprout)
    {
        var branch = branches++;
        var length = Math.Clamp(U(6, 11) * sprout.RadiusMm, 6, 40);
        var point = sprout.Start;
        var direction = sprout.Direction;
        var radius = sprout.RadiusMm;
        for (var piece = 0; piece < 3; piece++)
        {
            var trunk = sprout.Parent < 0; // starts in the mediastinum, outside the lung
            var next = NextPoint(point, ref direction, length / 3, radius, trunk);
            if (next is null)
            {
                break; // blocked by the pleura: the children may still find room elsewhere
            }

            var endRadius = radius * 0.99;
            pieces.Add(new VesselPiece(new TubeSegment(point, next.Value, radius, endRadius), branch, sprout.Parent));
            (point, radius) = (next.Value, endRadius);
        }

        if (radius >= minRadiusMm * 1.15 && point != sprout.Start)
        {
            Split(point, direction, radius, branch);
        }
    }

    /// <summary>The next point along a bending branch, or null when the lung ends and no turn saves it.</summary>
    private Vector3D? NextPoint(Vector3D point, ref Vector3D direction, double step, double radius, bool free)
    {
        var bent = TubeSegment.Normalised(direction + random.UnitVector() * 0.18);
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var next = point + bent * step;
            if (free || anatomy.LungSignedDistance(next) < -(radius + 1.5))
            {
                direction = bent;
                return next;
            }

            bent = TubeSegment.Normalised(bent + Inward(point) * 0.5 + random.UnitVector() * (0.2 + 0.15 * attempt));
        }

        return null;
    }

    private void Split(Vector3D point, Vector3D direction, double radius, int branch)
    {
        var ratio = U(0.45, 1.0);
        var major = radius / Math.Cbrt(1 + ratio * ratio * ratio);
        var minor = major * ratio;
        bifurcations.Add(new Bifurcation(point, radius));

        var normal = TubeSegment.Normalised(TubeSegment.Cross(direction, random.UnitVector()));
        var majorAngle = U(10, 30) * ratio * Math.PI / 180;
        var minorAngle = U(40, 75) * Math.PI / 180;
        foreach (var (childRadius, angle) in new[] { (major, majorAngle), (minor, -minorAngle) })
        {
            if (childRadius < minRadiusMm)
            {
                continue;
            }

            var turned = direction * Math.Cos(angle) + normal * Math.Sin(angle);
            var child = TubeSegment.Normalised(turned + Towards(point, turned, childRadius) * 0.6);
            sprouts.Enqueue(new Sprout(point, child, childRadius, branch));
        }
    }

    /// <summary>
    /// Unit vector towards a random lung point ahead of a new branch (in the half-space it faces, within reach
    /// of its length), so that trees spread into empty lung instead of all running straight to the pleura.
    /// </summary>
    private Vector3D Towards(Vector3D point, Vector3D heading, double radius)
    {
        var reach = Math.Clamp(20 * radius, 15, 90);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var offset = random.UnitVector() * (reach * Math.Cbrt(random.NextDouble()));
            if (TubeSegment.Dot(offset, heading) > 0 && anatomy.LungSignedDistance(point + offset) < -4)
            {
                return TubeSegment.Normalised(offset);
            }
        }

        return heading;
    }

    /// <summary>A random point well inside the lung of <paramref name="side"/> at about height z.</summary>
    private Vector3D LungTarget(int side, double z)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var p = new Vector3D(
                anatomy.MidlineX + side * U(0.2, 1) * anatomy.CavityHalfWidthMm,
                anatomy.CentreY + U(-0.8, 0.8) * anatomy.CavityPosteriorMm,
                z + U(-10, 10));
            if (anatomy.LungSignedDistance(p) < -8)
            {
                return p;
            }
        }

        return anatomy.Hilum(side) + new Vector3D(side * 40, 0, z - anatomy.Hilum(side).Z);
    }

    /// <summary>Unit vector from a point towards the middle of its own lung at the same height.</summary>
    private Vector3D Inward(Vector3D point)
    {
        var side = point.X < anatomy.MidlineX ? -1 : 1;
        var middle = new Vector3D(
            anatomy.MidlineX + side * anatomy.CavityHalfWidthMm * 0.55, anatomy.CentreY, point.Z);
        return TubeSegment.Normalised(middle - point);
    }

    private double U(double low, double high) => random.Uniform(low, high);

    private readonly record struct Sprout(Vector3D Start, Vector3D Direction, double RadiusMm, int Parent);
}
