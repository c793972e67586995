using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>A lesion with the outline it is drawn with.</summary>
internal readonly record struct PlacedLesion(SyntheticLesion Lesion, LesionShape Shape);

/// <summary>
/// Chooses a scan's lesions and places them in the lungs: 0–3 annotated nodules (3–30 mm, LUNA16's size mix,
/// solid, part-solid or ground-glass, some touching the pleura or a vessel), and findings for the excluded
/// list: nodules under 3 mm, faint nodules the readers did not agree on, calcified granulomas and scars.
/// Centres sit near a voxel centre, so the annotated centre voxel is always nodule tissue.
/// </summary>
internal sealed class LesionPlanner
{
    private const int Attempts = 600;
    private readonly ChestAnatomy anatomy;
    private readonly VesselTree vessels;
    private readonly VesselIndex vesselIndex;
    private readonly Scan scan;
    private readonly Random random;
    private readonly (Vector3D Min, Vector3D Max) box;
    private readonly List<PlacedLesion> placed = [];

    public LesionPlanner(ChestAnatomy anatomy, VesselTree vessels, VesselIndex vesselIndex, Scan scan, Random random)
    {
        this.anatomy = anatomy;
        this.vessels = vessels;
        this.vesselIndex = vesselIndex;
        this.scan = scan;
        this.random = random;
        box = ScanLayout.WorldBox(scan);
    }

    /// <summary>Places the annotated nodules first (they get the pick of places), then the findings.</summary>
    public IReadOnlyList<PlacedLesion> Plan()
    {
        var nodules = random.NextDouble() < 0.1 ? 0 : random.Next(1, 4);
        for (var i = 0; i < nodules; i++)
        {
            PlaceNodule();
        }

        for (var i = random.Next(0, 3); i > 0; i--)
        {
            TryPlace(LesionKind.Solid, U(1.5, 2.9), LesionListing.Excluded, LesionAttachment.Free);
        }

        if (random.NextDouble() < 0.3)
        {
            var kind = random.NextDouble() < 0.5 ? LesionKind.GroundGlass : LesionKind.Solid;
            TryPlace(kind, U(3, 8), LesionListing.Excluded, LesionAttachment.Free, faint: true);
        }

        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var kind = random.NextDouble() < 0.6 ? LesionKind.Calcified : LesionKind.Scar;
            var diameter = kind == LesionKind.Calcified ? U(2, 5) : U(5, 10);
            TryPlace(kind, diameter, LesionListing.ExcludedUnknownSize, LesionAttachment.Free);
        }

        return placed;
    }

    /// <summary>
    /// The diameter (mm) at standard normal quantile <paramref name="z"/>, matching LUNA16's annotated diameters:
    /// median 6.4 mm, 10th percentile 4.4 mm, 90th 15.5 mm. The distribution is skewed, so a log-normal with one
    /// width cannot match both tails; each side of the median has its own (0.29 below, 0.69 above). A single
    /// width of 0.6 would put the 10th percentile at 3.2 mm and pile 8 % of nodules onto the 3 mm floor.
    /// </summary>
    public static double NoduleDiameter(double z)
    {
        const double median = 6.4;
        var width = z < 0 ? Math.Log(median / 4.4) / 1.2816 : Math.Log(15.5 / median) / 1.2816;
        return Math.Clamp(median * Math.Exp(width * z), 3, 30);
    }

    private void PlaceNodule()
    {
        var diameter = NoduleDiameter(random.Gaussian());
        var roll = random.NextDouble();
        var kind = roll < 0.65 ? LesionKind.Solid : roll < 0.8 ? LesionKind.PartSolid : LesionKind.GroundGlass;
        if (kind != LesionKind.Solid)
        {
            diameter = Math.Max(diameter, U(6, 12)); // subsolid nodules are seldom tiny
        }

        roll = random.NextDouble();
        var attachment = roll < 0.2 && diameter >= 5 ? LesionAttachment.Pleural
            : roll < 0.38 ? LesionAttachment.Vascular : LesionAttachment.Free;
        if (!TryPlace(kind, diameter, LesionListing.Annotation, attachment))
        {
            TryPlace(kind, diameter, LesionListing.Annotation, LesionAttachment.Free);
        }
    }

    private bool TryPlace(LesionKind kind, double diameter, LesionListing listing, LesionAttachment attachment,
        bool faint = false)
    {
        var radius = diameter / 2;
        var spiculated = kind is LesionKind.Solid or LesionKind.PartSolid && diameter >= 8
            && listing == LesionListing.Annotation && random.NextDouble() < 0.35;
        var shape = LesionShape.Draw(random, kind, radius, spiculated);
        var reach = shape.ReachMm(radius);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var centre = Propose(attachment, radius);
            if (centre is null)
            {
                continue;
            }

            var snapped = Snap(centre.Value, radius);
            if (Fits(snapped, radius, reach, attachment))
            {
                var (core, halo) = Tissue(kind, faint);
                var lesion = new SyntheticLesion(snapped, Math.Round(diameter, 4), kind, listing, attachment,
                    core, halo);
                placed.Add(new PlacedLesion(lesion, shape));
                return true;
            }
        }

        return false;
    }

    private Vector3D? Propose(LesionAttachment attachment, double radius) => attachment switch
    {
        LesionAttachment.Vascular => BesideVessel(radius),
        LesionAttachment.Pleural => OntoPleura(LungSampler.Point(anatomy, random, -radius - 8, 0), -0.65 * radius),
        _ => LungSampler.Point(anatomy, random, double.NegativeInfinity, -radius * 1.15 - 1.5),
    };

    private bool Fits(Vector3D centre, double radius, double reach, LesionAttachment attachment)
    {
        if (!Inside(centre, Math.Min(reach, radius * 1.3) + 2))
        {
            return false;
        }

        var lung = anatomy.LungSignedDistance(centre);
        var lungOk = attachment == LesionAttachment.Pleural
            ? lung > -radius && lung < -0.3 * radius
            : lung < -Math.Min(radius * 1.15 + 1.5, radius + 4);
        var wall = vesselIndex.WallDistance(centre, radius + 10);
        var vesselOk = wall >= Math.Max(0.35 * radius, 0.6 * scan.Spacing.X)
            && (attachment != LesionAttachment.Vascular || wall <= radius);
        var apart = placed.All(p => Vector3D.Distance(p.Lesion.CenterWorldMm, centre)
            > p.Shape.ReachMm(p.Lesion.RadiusMm) + reach + 4);
        return lungOk && vesselOk && apart;
    }

    /// <summary>A point beside a vessel of radius 0.8–4 mm, its centre a little more than the radius away.</summary>
    private Vector3D? BesideVessel(double radius)
    {
        var pieces = vessels.Pieces;
        var piece = pieces[random.Next(pieces.Count)].Tube;
        var vesselRadius = piece.RadiusAt(0.5);
        if (vesselRadius is < 0.8 or > 4)
        {
            return null;
        }

        var axis = piece.At(U(0.2, 0.8));
        var normal = TubeSegment.Normalised(TubeSegment.Cross(piece.Direction, random.UnitVector()));
        return axis + normal * (vesselRadius + 0.75 * radius);
    }

    /// <summary>Moves a point along the lung-distance gradient until its distance is about
    /// <paramref name="targetMm"/> (a couple of Newton steps on a nearly linear field).</summary>
    private Vector3D? OntoPleura(Vector3D? start, double targetMm)
    {
        if (start is null)
        {
            return null;
        }

        var p = start.Value;
        for (var step = 0; step < 3; step++)
        {
            var sd = anatomy.LungSignedDistance(p);
            var gradient = LungGradient(p);
            var norm2 = TubeSegment.Dot(gradient, gradient);
            if (norm2 < 1e-6)
            {
                return null;
            }

            p -= gradient * ((sd - targetMm) / norm2);
        }

        return p;
    }

    internal Vector3D LungGradient(Vector3D p)
    {
        const double h = 0.5;
        double F(double dx, double dy, double dz) => anatomy.LungSignedDistance(p + new Vector3D(dx, dy, dz));
        return new Vector3D(F(h, 0, 0) - F(-h, 0, 0), F(0, h, 0) - F(0, -h, 0), F(0, 0, h) - F(0, 0, -h)) * (0.5 / h);
    }

    /// <summary>The nearest voxel centre, nudged by at most a fifth of the radius (and 0.3 voxel) per axis.</summary>
    private Vector3D Snap(Vector3D p, double radius)
    {
        var centre = scan.IndexToWorld(scan.WorldToIndexZyx(p));
        double Nudge(double spacing) => U(-1, 1) * Math.Min(0.2 * radius, 0.3 * spacing);
        var nudged = centre + new Vector3D(Nudge(scan.Spacing.X), Nudge(scan.Spacing.Y), Nudge(scan.Spacing.Z));
        return RoundedMm(nudged);
    }

    /// <summary>A point rounded to 0.1 µm, so that lists print short numbers.</summary>
    internal static Vector3D RoundedMm(Vector3D p) =>
        new(Math.Round(p.X, 4), Math.Round(p.Y, 4), Math.Round(p.Z, 4));

    private bool Inside(Vector3D p, double margin) =>
        p.X - margin >= box.Min.X && p.X + margin <= box.Max.X &&
        p.Y - margin >= box.Min.Y && p.Y + margin <= box.Max.Y &&
        p.Z - margin >= box.Min.Z && p.Z + margin <= box.Max.Z;

    /// <summary>Core and halo HU: solid 0…60, ground glass −600…−300; faint findings are paler.</summary>
    private (double Core, double Halo) Tissue(LesionKind kind, bool faint)
    {
        var solid = faint ? U(-250, -100) : U(0, 60);
        var glass = faint ? U(-700, -600) : U(-600, -300);
        return kind switch
        {
            LesionKind.Solid => (solid, solid),
            LesionKind.PartSolid => (solid, glass),
            LesionKind.GroundGlass => (glass, glass),
            LesionKind.Calcified => Same(U(300, 800)),
            _ => Same(U(-250, -50)),
        };

        static (double, double) Same(double hu) => (hu, hu);
    }

    private double U(double low, double high) => random.Uniform(low, high);
}
