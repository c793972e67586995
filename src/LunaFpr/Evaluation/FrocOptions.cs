namespace LunaFpr.Evaluation;

/// <summary>Settings of <see cref="FrocEvaluator"/>; the defaults are those of the LUNA16 challenge.</summary>
public sealed record FrocOptions
{
    /// <summary>
    /// Candidates kept per scan, highest probability first (default 100, the challenge's cap); 0 keeps all.
    /// As in the challenge's script, a scan over the cap keeps the candidates scoring strictly above its
    /// (cap + 1)-th highest probability, so a tie at the boundary keeps fewer than the cap.
    /// </summary>
    public int MaxCandidatesPerScan { get; init; } = 100;

    /// <summary>Bootstrap resamples of the scan list for the band (default 1,000; 0 skips the band).</summary>
    public int BootstrapCount { get; init; } = 1000;

    /// <summary>Seed of the bootstrap's random draws: the same seed gives the same band (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Coverage of the confidence band (default 0.95).</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// Points of the band's FP-per-scan grid, evenly spaced from 0.125 to 8 (default 10,000, as the challenge's
    /// script interpolates the bootstrap curves).
    /// </summary>
    public int BandPointCount { get; init; } = 10_000;

    /// <summary>
    /// Fraction of nodules without any candidate above which the result warns (default 0.05): far more misses
    /// usually mean coordinates in the wrong frame or the wrong scan list, not a weak model.
    /// </summary>
    public double MissedNoduleWarningFraction { get; init; } = 0.05;

    /// <summary>Threads for the bootstrap (default: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        if (MaxCandidatesPerScan < 0 || BootstrapCount < 0 || BandPointCount < 2 || MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentException("FrocOptions: counts must be non-negative, BandPointCount at least 2 and " +
                $"MaxDegreeOfParallelism at least 1 (got {this}).");
        }

        // The band keeps every resample's value at every grid point (4 bytes each).
        if ((long)BootstrapCount * BandPointCount > 250_000_000)
        {
            throw new ArgumentException($"{BootstrapCount} bootstrap resamples on {BandPointCount} band points " +
                "would need over 1 GB; use at most 25,000 resamples with the default grid.");
        }

        if (!(Confidence is > 0 and < 1))
        {
            throw new ArgumentException($"FrocOptions.Confidence must lie in (0, 1); got {Confidence}.");
        }
    }
}
