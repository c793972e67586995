namespace LunaFpr.Patches;

/// <summary>Cubes of each kind in a series, a subset or a whole store.</summary>
public readonly record struct PatchCounts(int Original, int Resampled, int Negative)
{
    /// <summary>All cubes.</summary>
    public int Total => Original + Resampled + Negative;

    /// <summary>These counts with one more cube of <paramref name="kind"/>.</summary>
    public PatchCounts Add(PatchKind kind) => kind switch
    {
        PatchKind.OriginalPositive => this with { Original = Original + 1 },
        PatchKind.ResampledPositive => this with { Resampled = Resampled + 1 },
        _ => this with { Negative = Negative + 1 },
    };

    public static PatchCounts operator +(PatchCounts a, PatchCounts b) =>
        new(a.Original + b.Original, a.Resampled + b.Resampled, a.Negative + b.Negative);

    /// <summary>Counts of the given entries' kinds.</summary>
    public static PatchCounts Of(IEnumerable<PatchEntry> entries) =>
        entries.Aggregate(new PatchCounts(), (counts, e) => counts.Add(e.Kind));
}
