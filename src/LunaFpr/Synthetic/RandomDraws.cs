using LunaFpr.Imaging;

namespace LunaFpr.Synthetic;

/// <summary>The few distributions the phantom draws from, on a caller's seeded <see cref="Random"/>.</summary>
internal static class RandomDraws
{
    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static double Uniform(this Random random, double low, double high) =>
        low + (high - low) * random.NextDouble();

    /// <summary>Standard normal, by Box–Muller.</summary>
    public static double Gaussian(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>A unit vector, uniform on the sphere.</summary>
    public static Vector3D UnitVector(this Random random)
    {
        var z = 2 * random.NextDouble() - 1;
        var (sin, cos) = Math.SinCos(2 * Math.PI * random.NextDouble());
        var r = Math.Sqrt(1 - z * z);
        return new Vector3D(r * cos, r * sin, z);
    }
}
