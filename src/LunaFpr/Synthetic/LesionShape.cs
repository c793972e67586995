using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>A lobe of a lesion's outline: the radius grows by <see cref="Amplitude"/> (relative) towards
/// <see cref="Direction"/>, falling off with angular width <see cref="Width"/>.</summary>
internal readonly record struct Lobe(Vector3D Direction, double Amplitude, double Width);

/// <summary>
/// The irregular outline of a lesion about its centre: an ellipsoid in a random frame whose radius swells and
/// dips in a few lobes (lobulation), with optional spicules (thin tubes radiating from the surface) and, for
/// part-solid nodules, a solid core of a fraction of the radius.
/// </summary>
internal sealed record LesionShape(
    Vector3D AxisA,
    Vector3D AxisB,
    Vector3D AxisC,
    Vector3D Scales,
    Lobe[] Lobes,
    TubeSegment[] Spicules,
    double CoreFraction,
    double TextureHu,
    int TextureSeed)
{
    /// <summary>Smallest of the three axis scales: how thin the lesion is relative to its radius.</summary>
    public double Flatness => Math.Min(Scales.X, Math.Min(Scales.Y, Scales.Z));

    /// <summary>Largest distance (mm) the outline or a spicule reaches from the centre.</summary>
    public double ReachMm(double radiusMm)
    {
        var maxScale = Math.Max(Scales.X, Math.Max(Scales.Y, Scales.Z));
        var lobes = Lobes.Sum(l => Math.Max(l.Amplitude, 0));
        var body = radiusMm * maxScale * (1 + lobes);
        var spicules = Spicules.Length == 0 ? 0 : Spicules.Max(s => s.LengthMm + s.StartRadiusMm) + radiusMm;
        return Math.Max(body, spicules);
    }

    /// <summary>
    /// Approximate signed distance (mm) from the outline of radius <paramref name="radiusMm"/> to a point
    /// <paramref name="offsetMm"/> from the centre, and the point's distance from the centre in the lesion's
    /// unit frame (<paramref name="scaledDistanceMm"/>, used to find the core).
    /// </summary>
    public double SurfaceDistance(Vector3D offsetMm, double radiusMm, out double scaledDistanceMm)
    {
        var local = new Vector3D(
            TubeSegment.Dot(offsetMm, AxisA) / Scales.X,
            TubeSegment.Dot(offsetMm, AxisB) / Scales.Y,
            TubeSegment.Dot(offsetMm, AxisC) / Scales.Z);
        var d = local.Length;
        scaledDistanceMm = d;
        if (d < 1e-9)
        {
            return -radiusMm * Flatness;
        }

        var world = offsetMm * (1 / offsetMm.Length);
        var swell = 1.0;
        foreach (var lobe in Lobes)
        {
            swell += lobe.Amplitude * Math.Exp((TubeSegment.Dot(world, lobe.Direction) - 1) / lobe.Width);
        }

        return (d - radiusMm * swell) * Flatness;
    }

    /// <summary>Draws a shape for a lesion of the given kind, radius (mm) and spiculation.</summary>
    public static LesionShape Draw(Random random, LesionKind kind, double radiusMm, bool spiculated)
    {
        var (a, b, c) = RandomFrame(random);
        var scales = kind == LesionKind.Scar
            ? new Vector3D(random.Uniform(1.8, 2.6), random.Uniform(0.45, 0.6), random.Uniform(0.22, 0.32))
            : new Vector3D(random.Uniform(0.85, 1.15), random.Uniform(0.85, 1.15), random.Uniform(0.8, 1.1));
        var lobeCount = kind is LesionKind.Calcified or LesionKind.Scar ? 0 : random.Next(2, 7);
        var lobes = new Lobe[lobeCount];
        for (var i = 0; i < lobeCount; i++)
        {
            lobes[i] = new Lobe(random.UnitVector(), random.Uniform(-0.12, 0.28), random.Uniform(0.08, 0.3));
        }

        var spicules = spiculated ? DrawSpicules(random, radiusMm) : [];
        var core = kind == LesionKind.PartSolid ? random.Uniform(0.3, 0.6) : 0;
        var texture = kind is LesionKind.GroundGlass or LesionKind.PartSolid ? 45 : 12;
        return new LesionShape(a, b, c, scales, lobes, spicules, core, texture, random.Next());
    }

    private static TubeSegment[] DrawSpicules(Random random, double radiusMm)
    {
        var spicules = new TubeSegment[random.Next(5, 11)];
        for (var i = 0; i < spicules.Length; i++)
        {
            var direction = random.UnitVector();
            var length = radiusMm * random.Uniform(0.5, 1.3);
            var start = direction * (radiusMm * 0.8);
            spicules[i] = new TubeSegment(start, start + direction * length, random.Uniform(0.6, 1.0), 0.2);
        }

        return spicules;
    }

    private static (Vector3D A, Vector3D B, Vector3D C) RandomFrame(Random random)
    {
        var a = random.UnitVector();
        var helper = Math.Abs(a.X) < 0.9 ? new Vector3D(1, 0, 0) : new Vector3D(0, 1, 0);
        var b = TubeSegment.Normalised(TubeSegment.Cross(a, helper));
        return (a, b, TubeSegment.Cross(a, b));
    }
}
