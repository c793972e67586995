namespace LunaFpr.Synthetic;

/// <summary>What <see cref="SyntheticDataset"/> generates: how many scans, from which seed, at which size.</summary>
public sealed record SyntheticOptions
{
    /// <summary>Number of scans, spread round-robin over <c>subset0</c> … <c>subset9</c>; default 20.</summary>
    public int Scans { get; init; } = 20;

    /// <summary>
    /// Seed of the whole data set, ≥ 0; default 0. Scan <c>i</c> depends only on (seed, size, i), so the same
    /// options give the same bytes, and more scans extend a data set without changing the first ones.
    /// </summary>
    public int Seed { get; init; }

    /// <summary>Scan size; default <see cref="SyntheticSize.Small"/>.</summary>
    public SyntheticSize Size { get; init; } = SyntheticSize.Small;

    /// <summary>Throws when a value is out of range, naming the option and the fix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count or the seed is out of range.</exception>
    public void Validate()
    {
        if (Scans is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Scans), $"The number of scans is {Scans}; it must be between 1 and 100000.");
        }

        if (Seed < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(Seed), $"The seed is {Seed}; it must be 0 or more, as it becomes part of each series UID.");
        }

        if (!Enum.IsDefined(Size))
        {
            throw new ArgumentOutOfRangeException(nameof(Size), $"The size is {Size}; it must be Small or Realistic.");
        }
    }
}
