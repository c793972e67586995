using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>Tissue of a tube: <see cref="CoreHu"/> inside, <see cref="RimHu"/> within <see cref="RimMm"/> of the
/// surface (a rib's dense cortex around its marrow; equal for a vessel full of blood).</summary>
internal readonly record struct TubeTissue(double CoreHu, double RimHu, double RimMm)
{
    public static TubeTissue Uniform(double hu) => new(hu, hu, 0);
}

/// <summary>Paints one <see cref="TubeSegment"/> with a partial-volume edge and thin-tube fading.</summary>
internal readonly struct TubeBrush(TubeSegment segment, TubeTissue tissue, PhantomCanvas canvas) : IBrush
{
    public bool Sample(Vector3D worldMm, out double coverage, out double hu)
    {
        var axisDistance = segment.AxisDistance(worldMm, out var t);
        var radius = segment.RadiusAt(t);
        var surfaceDistance = axisDistance - radius;
        coverage = canvas.ThinCoverage(surfaceDistance, radius);
        var depth = -surfaceDistance;
        hu = tissue.RimMm <= 0 || depth >= tissue.RimMm
            ? tissue.CoreHu
            : tissue.RimHu + (tissue.CoreHu - tissue.RimHu) * Math.Max(depth, 0) / tissue.RimMm;
        return coverage > 0;
    }

    /// <summary>Paints <paramref name="segment"/> on <paramref name="canvas"/>.</summary>
    public static void Paint(PhantomCanvas canvas, TubeSegment segment, TubeTissue tissue)
    {
        var reach = segment.MaxRadiusMm + canvas.RampMm;
        var min = new Vector3D(
            Math.Min(segment.Start.X, segment.End.X) - reach,
            Math.Min(segment.Start.Y, segment.End.Y) - reach,
            Math.Min(segment.Start.Z, segment.End.Z) - reach);
        var max = new Vector3D(
            Math.Max(segment.Start.X, segment.End.X) + reach,
            Math.Max(segment.Start.Y, segment.End.Y) + reach,
            Math.Max(segment.Start.Z, segment.End.Z) + reach);
        canvas.Paint(min, max, new TubeBrush(segment, tissue, canvas));
    }
}
