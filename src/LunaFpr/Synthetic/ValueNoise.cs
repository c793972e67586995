namespace LunaFpr.Synthetic;

/// <summary>
/// Smooth pseudo-random field over world space (x, y, z) in mm: random values on a cubic lattice of
/// <c>cellMm</c>, blended with smoothstep weights. Written by hand because it is a dozen lines and must be
/// exactly reproducible from a seed; it gives lung parenchyma and nodules their texture.
/// </summary>
internal sealed class ValueNoise
{
    private readonly ulong seed;
    private readonly double inverseCellMm;

    /// <param name="seed">Any integer; equal seeds give equal fields.</param>
    /// <param name="cellMm">Lattice step in mm: the size of the blobs.</param>
    public ValueNoise(int seed, double cellMm)
    {
        this.seed = SyntheticIdentity.Mix((ulong)(uint)seed);
        inverseCellMm = 1 / cellMm;
    }

    /// <summary>Field value in [−1, 1] at world point (x, y, z) in mm.</summary>
    public double Sample(double x, double y, double z)
    {
        x *= inverseCellMm;
        y *= inverseCellMm;
        z *= inverseCellMm;
        var ix = (long)Math.Floor(x);
        var iy = (long)Math.Floor(y);
        var iz = (long)Math.Floor(z);
        var wx = Smooth(x - ix);
        var wy = Smooth(y - iy);
        var wz = Smooth(z - iz);

        var near = Bilinear(ix, iy, iz, wx, wy);
        var far = Bilinear(ix, iy, iz + 1, wx, wy);
        return near + (far - near) * wz;
    }

    private double Bilinear(long ix, long iy, long iz, double wx, double wy)
    {
        var a = Lattice(ix, iy, iz);
        var b = Lattice(ix + 1, iy, iz);
        var c = Lattice(ix, iy + 1, iz);
        var d = Lattice(ix + 1, iy + 1, iz);
        var top = a + (b - a) * wx;
        var bottom = c + (d - c) * wx;
        return top + (bottom - top) * wy;
    }

    private double Lattice(long ix, long iy, long iz)
    {
        var h = SyntheticIdentity.Mix(seed ^ (ulong)ix * 0x9E37_79B1UL ^ (ulong)iy * 0x85EB_CA77UL
            ^ (ulong)iz * 0xC2B2_AE3DUL);
        return (h >> 11) * (2.0 / (1UL << 53)) - 1;
    }

    private static double Smooth(double t) => t * t * (3 - 2 * t);
}
