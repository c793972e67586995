using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// Paints a <see cref="SyntheticLesion"/> with its <see cref="LesionShape"/>: partial-volume edge, textured
/// tissue, a solid core inside a ground-glass halo for part-solid nodules, then the spicules as thin tubes.
/// </summary>
internal readonly struct LesionBrush : IBrush
{
    private readonly SyntheticLesion lesion;
    private readonly LesionShape shape;
    private readonly PhantomCanvas canvas;
    private readonly ValueNoise texture;

    private LesionBrush(SyntheticLesion lesion, LesionShape shape, PhantomCanvas canvas)
    {
        this.lesion = lesion;
        this.shape = shape;
        this.canvas = canvas;
        texture = new ValueNoise(shape.TextureSeed, 2.5);
    }

    public bool Sample(Vector3D worldMm, out double coverage, out double hu)
    {
        var offset = worldMm - lesion.CenterWorldMm;
        var surface = shape.SurfaceDistance(offset, lesion.RadiusMm, out var scaled);
        coverage = canvas.ThinCoverage(surface, lesion.RadiusMm * shape.Flatness);
        if (coverage <= 0)
        {
            hu = 0;
            return false;
        }

        var grain = shape.TextureHu * texture.Sample(worldMm.X, worldMm.Y, worldMm.Z);
        hu = lesion.HaloHu + grain;
        if (shape.CoreFraction > 0)
        {
            var core = canvas.Coverage(scaled - shape.CoreFraction * lesion.RadiusMm);
            hu += (lesion.CoreHu - lesion.HaloHu) * core;
        }

        return true;
    }

    /// <summary>Paints the lesion and its spicules on <paramref name="canvas"/>.</summary>
    public static void Paint(PhantomCanvas canvas, SyntheticLesion lesion, LesionShape shape)
    {
        var reach = shape.ReachMm(lesion.RadiusMm) + canvas.RampMm;
        var centre = lesion.CenterWorldMm;
        var extent = new Vector3D(reach, reach, reach);
        canvas.Paint(centre - extent, centre + extent, new LesionBrush(lesion, shape, canvas));
        foreach (var spicule in shape.Spicules)
        {
            var placed = spicule with { Start = centre + spicule.Start, End = centre + spicule.End };
            TubeBrush.Paint(canvas, placed, TubeTissue.Uniform(lesion.CoreHu));
        }
    }
}
