namespace LunaFpr.Synthetic;

/// <summary>
/// Turns a rendered HU field into stored voxels: adds white Gaussian noise of σ HU (quantum noise of the
/// scanner) and rounds to int16, clipped to [−1024, 3071] as 12-bit CT stores it.
/// </summary>
internal static class ScannerNoise
{
    public const short MinHu = -1024;
    public const short MaxHu = 3071;

    /// <summary>Writes <paramref name="hu"/> plus noise into <paramref name="voxels"/>, in index order, drawing
    /// from <paramref name="random"/> (so equal seeds give equal bytes).</summary>
    /// <param name="hu">Rendered HU, (z, y, x) order.</param>
    /// <param name="voxels">Destination of the same length.</param>
    /// <param name="sigmaHu">Noise standard deviation in HU; 0 for a noise-free rendering.</param>
    /// <param name="random">The scan's noise stream.</param>
    public static void Apply(float[] hu, short[] voxels, double sigmaHu, Random random)
    {
        var i = 0;
        for (; i + 1 < hu.Length; i += 2)
        {
            var (a, b) = NormalPair(random);
            voxels[i] = Quantise(hu[i] + sigmaHu * a);
            voxels[i + 1] = Quantise(hu[i + 1] + sigmaHu * b);
        }

        if (i < hu.Length)
        {
            voxels[i] = Quantise(hu[i] + sigmaHu * NormalPair(random).A);
        }
    }

    /// <summary>Two independent standard normals from one Box–Muller transform.</summary>
    private static (double A, double B) NormalPair(Random random)
    {
        var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        var (sin, cos) = Math.SinCos(2 * Math.PI * random.NextDouble());
        return (radius * cos, radius * sin);
    }

    private static short Quantise(double value) => (short)Math.Clamp(Math.Round(value), MinHu, MaxHu);
}
