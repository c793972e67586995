using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// Twelve pairs of ribs as chains of tubes hugging the outside of the thoracic cavity: each leaves the spine,
/// sweeps round the side and forward, dropping as it goes (ribs slope down towards the front); the lower
/// ones end at the side. Cortex dense (≈ 800 HU), marrow lighter.
/// </summary>
internal static class RibCage
{
    private const int RibsPerSide = 12;
    private const int PiecesPerRib = 14;

    /// <summary>Tube pieces of every rib, world (x, y, z) mm.</summary>
    public static IReadOnlyList<TubeSegment> Build(ChestAnatomy anatomy, Random random)
    {
        var ribs = new List<TubeSegment>();
        var step = anatomy.LungHeightMm / 10.5;
        var radius = 3.0 * anatomy.HalfWidthMm / 165;
        foreach (var side in new[] { -1, 1 })
        {
            var zShift = random.Uniform(-4, 4);
            for (var rib = 0; rib < RibsPerSide; rib++)
            {
                var startZ = anatomy.LungApexZ + 6 - rib * step + zShift;
                var sweep = rib < 7 ? 2.55 - 0.05 * rib : 2.2 - 0.22 * (rib - 7); // radians from the back
                var drop = anatomy.LungHeightMm * random.Uniform(0.24, 0.32);
                AddRib(ribs, anatomy, side, startZ, sweep, drop, radius);
            }
        }

        return ribs;
    }

    private static void AddRib(List<TubeSegment> ribs, ChestAnatomy anatomy, int side, double startZ,
        double sweep, double drop, double radius)
    {
        var previous = RibPoint(anatomy, side, 0.28, startZ, radius);
        for (var piece = 1; piece <= PiecesPerRib; piece++)
        {
            var t = (double)piece / PiecesPerRib;
            var z = startZ - drop * Math.Pow(t, 1.2);
            var next = RibPoint(anatomy, side, 0.28 + t * (sweep - 0.28), z, radius);
            var taper = piece > PiecesPerRib - 3 ? 0.8 : 1.0; // thinner where cartilage takes over
            var r = radius * taper;
            var tall = new Vector3D(0, 0, radius * 0.8); // two overlapping tubes: a rib is taller than thick
            ribs.Add(new TubeSegment(previous + tall, next + tall, r, r));
            ribs.Add(new TubeSegment(previous - tall, next - tall, r, r));
            previous = next;
        }
    }

    /// <summary>A point just outside the cavity at angle <paramref name="angle"/> from the back midline.</summary>
    private static Vector3D RibPoint(ChestAnatomy anatomy, int side, double angle, double z, double radius)
    {
        var section = anatomy.Section(z);
        var scale = Math.Max(section.CavityScale, 0.55);
        var halfWidth = anatomy.CavityHalfWidthMm * scale + radius + 3;
        var (sin, cos) = Math.SinCos(angle);
        var depth = cos > 0
            ? anatomy.CavityPosteriorMm * (0.35 + 0.65 * scale)
            : (anatomy.AnteriorDepthMm - anatomy.AnteriorWallMm) * (0.35 + 0.65 * scale);
        return new Vector3D(
            anatomy.CentreX + side * halfWidth * sin,
            anatomy.CentreY + (depth + radius + 3) * cos,
            z);
    }
}
