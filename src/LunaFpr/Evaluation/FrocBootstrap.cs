namespace LunaFpr.Evaluation;

/// <summary>
/// The challenge's bootstrap: resample the scan list with replacement, recompute the FROC of each resample,
/// interpolate it on an even grid of 0.125 … 8 FPs per scan, and take per-point percentiles.
/// A resample is a vector of draw counts per scan, so each one costs one weighted pass over the sorted entries
/// instead of re-matching and re-sorting; resamples run in parallel, each from its own seed drawn up front,
/// so the band is the same for a seed whatever the thread count.
/// </summary>
internal static class FrocBootstrap
{
    /// <summary>Runs <see cref="FrocOptions.BootstrapCount"/> resamples; null when none held a nodule.</summary>
    public static BootstrapBand? Run(FrocEntries entries, FrocOptions options)
    {
        var count = options.BootstrapCount;
        var grid = EvenGrid(FrocResult.CpmFalsePositiveRates[0], FrocResult.CpmFalsePositiveRates[^1],
            options.BandPointCount);
        var rates = FrocResult.CpmFalsePositiveRates.ToArray();

        // Column-major (grid point, resample) so each grid point's distribution is one contiguous span to sort;
        // single precision, as the challenge's script keeps it, halves the memory (10,000 × 1,000 values).
        var gridValues = new float[grid.Length * count];
        var rateValues = new double[rates.Length * count];
        var cpmValues = new double[count];
        var defined = new bool[count];
        var seeds = DrawSeeds(options.Seed, count);

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => new Worker(entries, grid.Length, rates.Length),
            (r, _, worker) =>
            {
                defined[r] = worker.Resample(seeds[r], grid, rates);
                if (defined[r])
                {
                    Scatter(worker.GridSensitivity, gridValues, r, count);
                    Scatter(worker.RateSensitivity, rateValues, r, count);
                    cpmValues[r] = Cpm(worker.RateSensitivity);
                }

                return worker;
            },
            _ => { });

        var kept = Enumerable.Range(0, count).Where(r => defined[r]).ToArray();
        if (kept.Length == 0)
        {
            return null;
        }

        var band = new BandPoint[grid.Length];
        Parallel.For(0, grid.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            g =>
            {
                var values = new double[kept.Length];
                for (var k = 0; k < kept.Length; k++)
                {
                    values[k] = gridValues[g * count + kept[k]];
                }

                var ci = Percentiles(values, options.Confidence);
                band[g] = new BandPoint(grid[g], ci.Lower, ci.Mean, ci.Upper);
            });

        var rateBands = Enumerable.Range(0, rates.Length)
            .Select(k => Percentiles(kept.Select(r => rateValues[k * count + r]).ToArray(), options.Confidence))
            .ToArray();
        var cpmBand = Percentiles(kept.Select(r => cpmValues[r]).ToArray(), options.Confidence);
        return new BootstrapBand(band, rateBands, cpmBand, kept.Length);
    }

    /// <summary>Mean of the seven sensitivities, summed in order as numpy does for so few values.</summary>
    public static double Cpm(ReadOnlySpan<double> sensitivities)
    {
        var sum = 0.0;
        foreach (var s in sensitivities)
        {
            sum += s;
        }

        return sum / sensitivities.Length;
    }

    /// <summary>
    /// The script's percentile rule: sort, take the mean, lower = v[⌊p·n⌋], upper = v[⌊(1 − p)·n⌋],
    /// with p = (1 − c) / 2.
    /// </summary>
    public static ConfidenceBand Percentiles(double[] values, double confidence)
    {
        Array.Sort(values);
        var p = (1.0 - confidence) / 2.0;
        var lower = values[Math.Min((int)Math.Floor(p * values.Length), values.Length - 1)];
        var upper = values[Math.Min((int)Math.Floor((1.0 - p) * values.Length), values.Length - 1)];
        return new ConfidenceBand(lower, values.Average(), upper);
    }

    /// <summary>numpy's <c>linspace(start, stop, count)</c>: i · step + start, the last point set to stop.</summary>
    public static double[] EvenGrid(double start, double stop, int count)
    {
        var step = (stop - start) / (count - 1);
        var grid = new double[count];
        for (var i = 0; i < count; i++)
        {
            grid[i] = i * step + start;
        }

        grid[^1] = stop;
        return grid;
    }

    private static int[] DrawSeeds(int seed, int count)
    {
        var master = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => master.Next()).ToArray();
    }

    private static void Scatter<T>(T[] values, T[] columns, int resample, int count)
    {
        for (var i = 0; i < values.Length; i++)
        {
            columns[i * count + resample] = values[i];
        }
    }

    /// <summary>One thread's buffers: draw counts, a curve, and the interpolated sensitivities.</summary>
    private sealed class Worker(FrocEntries entries, int gridLength, int rateCount)
    {
        private readonly FrocCurve curve = new(entries);
        private readonly int[] weights = new int[entries.ScanCount];
        private readonly double[] gridBuffer = new double[gridLength];

        public float[] GridSensitivity { get; } = new float[gridLength];

        public double[] RateSensitivity { get; } = new double[rateCount];

        public bool Resample(int seed, double[] grid, double[] rates)
        {
            Array.Clear(weights);
            var random = new Random(seed);
            for (var i = 0; i < weights.Length; i++)
            {
                weights[random.Next(weights.Length)]++;
            }

            if (!curve.Build(weights))
            {
                return false;
            }

            curve.Interpolate(grid, gridBuffer);
            for (var i = 0; i < gridBuffer.Length; i++)
            {
                GridSensitivity[i] = (float)gridBuffer[i];
            }

            curve.Interpolate(rates, RateSensitivity);
            return true;
        }
    }
}

/// <summary>
/// The bootstrap's outcome: the band on the grid, at the seven CPM rates and of the CPM, and the resamples used.
/// </summary>
internal sealed record BootstrapBand(
    IReadOnlyList<BandPoint> Band,
    IReadOnlyList<ConfidenceBand> RateBands,
    ConfidenceBand CpmBand,
    int Resamples);
