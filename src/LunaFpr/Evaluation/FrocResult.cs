using LunaFpr.Candidates;

namespace LunaFpr.Evaluation;

/// <summary>
/// The LUNA16 score of a submission: CPM, sensitivities at the seven operating points, the FROC curve, its
/// bootstrap band, the counts behind them, the nodules no candidate reached, and warnings about the input.
/// Sensitivities are fractions in [0, 1]; false positives are averaged over the scans of the list.
/// </summary>
public sealed record FrocResult
{
    /// <summary>The FP-per-scan rates of the competition performance metric: 0.125, 0.25, 0.5, 1, 2, 4, 8.</summary>
    public static IReadOnlyList<double> CpmFalsePositiveRates { get; } = [0.125, 0.25, 0.5, 1, 2, 4, 8];

    /// <summary>Competition performance metric: mean sensitivity at <see cref="CpmFalsePositiveRates"/>.</summary>
    public required double Cpm { get; init; }

    /// <summary>The bootstrap band of <see cref="Cpm"/>; null when no bootstrap was run.</summary>
    public ConfidenceBand? CpmBand { get; init; }

    /// <summary>Sensitivity at each of <see cref="CpmFalsePositiveRates"/>, with its band when bootstrapped.</summary>
    public required IReadOnlyList<OperatingPoint> OperatingPoints { get; init; }

    /// <summary>The FROC curve's corners, as the challenge's script computes them, from (0, 0) upwards.</summary>
    public required IReadOnlyList<FrocPoint> Curve { get; init; }

    /// <summary>The bootstrap band on an even grid from 0.125 to 8 FPs per scan; empty without bootstrap.</summary>
    public required IReadOnlyList<BandPoint> Band { get; init; }

    public required FrocCounts Counts { get; init; }

    /// <summary>Nodules of the list's scans that no kept candidate lies inside, in scan-list order.</summary>
    public required IReadOnlyList<Annotation> MissedNodules { get; init; }

    /// <summary>Reasons to distrust the score (missing scans, many misses, ...); empty when all looks sane.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Resamples that made up the band (fewer than asked when some drew no nodule at all).</summary>
    public int BootstrapCount { get; init; }

    public int Seed { get; init; }

    /// <summary>Coverage of the bands (0.95 unless set otherwise).</summary>
    public double Confidence { get; init; }

    /// <summary>
    /// Sensitivity at any FP-per-scan rate, read off <see cref="Curve"/> by linear interpolation as numpy's
    /// <c>interp</c> does (the last corner at or left of the rate towards the next; the end values beyond).
    /// </summary>
    public double SensitivityAt(double falsePositivesPerScan)
    {
        var x = falsePositivesPerScan;
        if (Curve.Count == 0 || x < Curve[0].FalsePositivesPerScan)
        {
            return Curve.Count == 0 ? 0 : Curve[0].Sensitivity;
        }

        var (low, high) = (0, Curve.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = Curve[middle].FalsePositivesPerScan <= x ? (middle, high) : (low, middle - 1);
        }

        var left = Curve[low];
        if (low == Curve.Count - 1 || left.FalsePositivesPerScan == x)
        {
            return left.Sensitivity;
        }

        var right = Curve[low + 1];
        var slope = (right.Sensitivity - left.Sensitivity) / (right.FalsePositivesPerScan - left.FalsePositivesPerScan);
        return slope * (x - left.FalsePositivesPerScan) + left.Sensitivity;
    }
}

/// <summary>A corner of the FROC curve: average FPs per scan, sensitivity, and the probability threshold
/// (a candidate counts when its probability is at least the threshold; +∞ for the starting point).</summary>
public sealed record FrocPoint(double FalsePositivesPerScan, double Sensitivity, double Threshold);

/// <summary>The bootstrap band at one FP-per-scan rate: percentile bounds and mean over the resamples.</summary>
public sealed record BandPoint(double FalsePositivesPerScan, double Lower, double Mean, double Upper);

/// <summary>A bootstrap confidence interval: percentile bounds and the mean over the resamples.</summary>
public sealed record ConfidenceBand(double Lower, double Mean, double Upper);

/// <summary>Sensitivity at a fixed FP-per-scan rate, with its bootstrap band when one was computed.</summary>
public sealed record OperatingPoint(double FalsePositivesPerScan, double Sensitivity, ConfidenceBand? Band);

/// <summary>What the evaluation counted, after the per-scan cap, over the scans of the list.</summary>
public sealed record FrocCounts
{
    /// <summary>Scans in the list; the divisor of FPs per scan.</summary>
    public required int Scans { get; init; }

    /// <summary>Scans of the list with no row in the submission.</summary>
    public required int ScansWithoutCandidates { get; init; }

    /// <summary>Nodules annotated in the list's scans: the divisor of sensitivity.</summary>
    public required int Nodules { get; init; }

    /// <summary>Nodules with at least one candidate inside (distance to centre strictly below the radius).</summary>
    public required int Hits { get; init; }

    /// <summary>Nodules with no candidate inside; they stay in the denominator.</summary>
    public required int Misses { get; init; }

    /// <summary>Candidates inside no nodule and no excluded finding.</summary>
    public required int FalsePositives { get; init; }

    /// <summary>Candidates inside an excluded finding only: neither hit nor false positive.</summary>
    public required int Ignored { get; init; }

    /// <summary>Candidates beyond the first on a hit nodule (it counts once, at the highest probability).</summary>
    public required int ExtraHits { get; init; }

    /// <summary>Candidates kept in the list's scans after the cap.</summary>
    public required int Candidates { get; init; }

    /// <summary>Rows of the list's scans dropped by the per-scan cap.</summary>
    public required int DroppedByCap { get; init; }

    /// <summary>Rows of scans outside the list, skipped.</summary>
    public required int OutsideList { get; init; }

    /// <summary>Hits / nodules: the sensitivity with every kept candidate counted.</summary>
    public double Sensitivity => Nodules == 0 ? 0 : (double)Hits / Nodules;

    /// <summary>Kept candidates / scans.</summary>
    public double CandidatesPerScan => Scans == 0 ? 0 : (double)Candidates / Scans;
}
