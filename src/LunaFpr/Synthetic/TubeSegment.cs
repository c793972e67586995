using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>
/// A straight piece of tube (vessel, rib, spicule) from <see cref="Start"/> to <see cref="End"/>, world (x, y, z)
/// mm, whose radius tapers linearly from <see cref="StartRadiusMm"/> to <see cref="EndRadiusMm"/>.
/// </summary>
internal readonly record struct TubeSegment(Vector3D Start, Vector3D End, double StartRadiusMm, double EndRadiusMm)
{
    public double LengthMm => Vector3D.Distance(Start, End);

    public double MaxRadiusMm => Math.Max(StartRadiusMm, EndRadiusMm);

    /// <summary>Point at fraction <paramref name="t"/> (0 = start, 1 = end) of the axis.</summary>
    public Vector3D At(double t) => Start + (End - Start) * t;

    /// <summary>Radius (mm) at fraction <paramref name="t"/> of the axis.</summary>
    public double RadiusAt(double t) => StartRadiusMm + (EndRadiusMm - StartRadiusMm) * t;

    /// <summary>Unit vector from start to end.</summary>
    public Vector3D Direction => (End - Start) * (1 / Math.Max(LengthMm, 1e-9));

    /// <summary>Distance (mm) from <paramref name="p"/> to the axis; <paramref name="t"/> is the nearest axis
    /// point's fraction, clamped to the segment.</summary>
    public double AxisDistance(Vector3D p, out double t)
    {
        var axis = End - Start;
        var lengthSquared = Dot(axis, axis);
        t = lengthSquared < 1e-12 ? 0 : Math.Clamp(Dot(p - Start, axis) / lengthSquared, 0, 1);
        return Vector3D.Distance(p, At(t));
    }

    /// <summary>Signed distance (mm) from <paramref name="p"/> to the tube's surface; negative inside.</summary>
    public double SurfaceDistance(Vector3D p)
    {
        var d = AxisDistance(p, out var t);
        return d - RadiusAt(t);
    }

    public static double Dot(Vector3D a, Vector3D b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    public static Vector3D Cross(Vector3D a, Vector3D b) =>
        new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    public static Vector3D Normalised(Vector3D v) => v * (1 / Math.Max(v.Length, 1e-12));
}
