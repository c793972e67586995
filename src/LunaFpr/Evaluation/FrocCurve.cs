namespace LunaFpr.Evaluation;

/// <summary>
/// Builds a FROC curve from sorted <see cref="FrocEntries"/> for a weighting of the scans (1 each for the submission
/// itself, a bootstrap resample's draw counts otherwise), reproducing the arithmetic of the challenge's script
/// step by step so that the numbers agree to the last digit: scikit-learn's <c>roc_curve</c> (one point per distinct
/// probability, collinear points dropped, (0, 0) prepended), scaled to FPs per scan and sensitivity, and read off
/// with numpy's <c>interp</c>. Written by hand because no .NET library reproduces those two functions exactly.
/// One instance holds the buffers of one thread; it is not thread-safe.
/// </summary>
internal sealed class FrocCurve
{
    private readonly FrocEntries entries;
    private readonly double[] rawFp;
    private readonly double[] rawTp;
    private readonly double[] rawThreshold;

    public FrocCurve(FrocEntries entries)
    {
        this.entries = entries;
        var capacity = entries.Probabilities.Length + 1;
        rawFp = new double[capacity];
        rawTp = new double[capacity];
        rawThreshold = new double[capacity];
        FalsePositivesPerScan = new double[capacity];
        Sensitivity = new double[capacity];
        Threshold = new double[capacity];
    }

    /// <summary>Points in use after <see cref="Build"/>, starting at (0, 0).</summary>
    public int Count { get; private set; }

    /// <summary>Nodules under the last weighting (misses included): the denominator of sensitivity.</summary>
    public double Nodules { get; private set; }

    public double[] FalsePositivesPerScan { get; }

    public double[] Sensitivity { get; }

    /// <summary>Probability threshold of each point; +∞ for the (0, 0) start.</summary>
    public double[] Threshold { get; }

    /// <summary>
    /// Computes the curve with scan <c>s</c> counted <c>weights[s]</c> times (null: once each). Returns false,
    /// leaving the curve undefined, when the weighting holds no nodule at all.
    /// </summary>
    public bool Build(int[]? weights)
    {
        Nodules = CountNodules(weights);
        if (Nodules == 0)
        {
            Count = 0;
            return false;
        }

        var raw = Accumulate(weights);
        var totalFp = raw == 0 ? 0 : rawFp[raw - 1];
        var totalTp = raw == 0 ? 0 : rawTp[raw - 1];
        FalsePositivesPerScan[0] = 0;
        Sensitivity[0] = 0;
        Threshold[0] = double.PositiveInfinity;
        Count = 1;
        for (var i = 0; i < raw; i++)
        {
            if (raw > 2 && i > 0 && i < raw - 1 && IsCollinear(i))
            {
                continue;
            }

            // The script's order of operations: fpr = fp / fp[-1], then fpr * FPs / scans (likewise for sensitivity).
            // With no false positive it sets every rate to 0; with no hit sklearn yields NaN, and 0 is reported.
            FalsePositivesPerScan[Count] = totalFp == 0 ? 0 : rawFp[i] / totalFp * totalFp / entries.ScanCount;
            Sensitivity[Count] = totalTp == 0 ? 0 : rawTp[i] / totalTp * totalTp / Nodules;
            Threshold[Count] = rawThreshold[i];
            Count++;
        }

        return true;
    }

    /// <summary>
    /// numpy's <c>interp</c> of the curve at ascending <paramref name="rates"/> (FPs per scan): the last point at or
    /// left of a rate, interpolated linearly towards the next; the end values beyond either end.
    /// </summary>
    public void Interpolate(ReadOnlySpan<double> rates, Span<double> sensitivities)
    {
        var xs = FalsePositivesPerScan.AsSpan(0, Count);
        var ys = Sensitivity.AsSpan(0, Count);
        var j = 0;
        for (var q = 0; q < rates.Length; q++)
        {
            var x = rates[q];
            while (j + 1 < xs.Length && xs[j + 1] <= x)
            {
                j++;
            }

            if (x < xs[0])
            {
                sensitivities[q] = ys[0];
            }
            else if (j == xs.Length - 1 || xs[j] == x)
            {
                sensitivities[q] = ys[j];
            }
            else
            {
                var slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]);
                sensitivities[q] = slope * (x - xs[j]) + ys[j];
            }
        }
    }

    private double CountNodules(int[]? weights)
    {
        var nodules = 0.0;
        for (var s = 0; s < entries.ScanCount; s++)
        {
            nodules += (weights is null ? 1 : weights[s]) * (double)entries.NodulesPerScan[s];
        }

        return nodules;
    }

    /// <summary>
    /// Cumulative weighted false positives and hits at the end of each run of equal probabilities that holds at
    /// least one drawn entry (a tie is a single threshold); returns the number of such points.
    /// </summary>
    private int Accumulate(int[]? weights)
    {
        var probabilities = entries.Probabilities;
        var scanAndHit = entries.ScanAndHit;
        double fp = 0, tp = 0;
        var drawn = false;
        var count = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var packed = scanAndHit[i];
            var weight = weights is null ? 1 : weights[packed >> 1];
            if (weight != 0)
            {
                drawn = true;
                if ((packed & 1) == 1)
                {
                    tp += weight;
                }
                else
                {
                    fp += weight;
                }
            }

            if (drawn && (i == probabilities.Length - 1 || probabilities[i + 1] != probabilities[i]))
            {
                rawFp[count] = fp;
                rawTp[count] = tp;
                rawThreshold[count] = probabilities[i];
                count++;
                drawn = false;
            }
        }

        return count;
    }

    /// <summary>sklearn's drop_intermediate: an inner point whose second differences are both zero.</summary>
    private bool IsCollinear(int i) =>
        rawFp[i + 1] - rawFp[i] == rawFp[i] - rawFp[i - 1] && rawTp[i + 1] - rawTp[i] == rawTp[i] - rawTp[i - 1];
}
