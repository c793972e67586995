namespace LunaFpr.Synthetic;

/// <summary>
/// A closed outline's radial wobble: Σ aₖ cos(kθ + φₖ) for k = 2 … n + 1, evaluated from cos θ and sin θ by the
/// angle-addition recurrence so that rendering needs no trigonometry per voxel.
/// </summary>
internal readonly struct Harmonics
{
    private readonly double[] cosTerms; // aₖ cos φₖ
    private readonly double[] sinTerms; // aₖ sin φₖ

    private Harmonics(double[] cosTerms, double[] sinTerms)
    {
        this.cosTerms = cosTerms;
        this.sinTerms = sinTerms;
    }

    /// <summary>Draws <paramref name="count"/> harmonics, amplitudes up to <paramref name="maxAmplitude"/>.</summary>
    public static Harmonics Draw(Random random, int count, double maxAmplitude)
    {
        var amplitudes = new double[count];
        var phases = new double[count];
        for (var k = 0; k < count; k++)
        {
            amplitudes[k] = maxAmplitude * random.NextDouble() / (1 + 0.5 * k);
            phases[k] = 2 * Math.PI * random.NextDouble();
        }

        return FromPolar(amplitudes, phases);
    }

    /// <summary>The same outline with every phase turned by <c>k · turn</c> radians (a slow twist along z).</summary>
    public Harmonics Twisted(double turn)
    {
        var c = new double[cosTerms.Length];
        var s = new double[cosTerms.Length];
        for (var k = 0; k < c.Length; k++)
        {
            var (sin, cos) = Math.SinCos(turn * (k + 2));
            c[k] = cosTerms[k] * cos - sinTerms[k] * sin;
            s[k] = sinTerms[k] * cos + cosTerms[k] * sin;
        }

        return new Harmonics(c, s);
    }

    /// <summary>True for <c>default</c>: a plain ellipse.</summary>
    public bool IsEmpty => cosTerms is null;

    /// <summary>The wobble at the angle whose cosine and sine are given.</summary>
    public double Evaluate(double cos, double sin)
    {
        var ck = cos * cos - sin * sin; // cos 2θ
        var sk = 2 * sin * cos;        // sin 2θ
        var sum = 0.0;
        for (var k = 0; k < cosTerms.Length; k++)
        {
            sum += cosTerms[k] * ck - sinTerms[k] * sk;
            (ck, sk) = (ck * cos - sk * sin, sk * cos + ck * sin);
        }

        return sum;
    }

    private static Harmonics FromPolar(double[] amplitudes, double[] phases)
    {
        var c = new double[amplitudes.Length];
        var s = new double[amplitudes.Length];
        for (var k = 0; k < c.Length; k++)
        {
            c[k] = amplitudes[k] * Math.Cos(phases[k]);
            s[k] = amplitudes[k] * Math.Sin(phases[k]);
        }

        return new Harmonics(c, s);
    }
}
