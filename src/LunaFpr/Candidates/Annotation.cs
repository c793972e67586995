using LunaFpr.Imaging;

namespace LunaFpr.Candidates;

/// <summary>
/// A nodule or finding of <c>annotations.csv</c> / <c>annotations_excluded.csv</c>: a world centre (x, y, z) in mm
/// and a diameter in mm. In the excluded list a diameter of −1 means "unknown".
/// </summary>
public sealed record Annotation(string SeriesUid, Vector3D CenterWorldMm, double DiameterMm)
{
    /// <summary>Radius in mm; <see cref="DiameterMm"/> / 2.</summary>
    public double RadiusMm => DiameterMm / 2;
}
