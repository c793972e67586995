namespace LunaFpr.Imaging;

/// <summary>Minimum, maximum and mean HU over every voxel of a scan.</summary>
/// <param name="Min">Lowest value, HU.</param>
/// <param name="Max">Highest value, HU.</param>
/// <param name="Mean">Arithmetic mean, HU.</param>
public readonly record struct HuStatistics(short Min, short Max, double Mean)
{
    /// <summary>Statistics of all voxels of <paramref name="scan"/>.</summary>
    public static HuStatistics Of(Scan scan) => Of(scan.Voxels);

    /// <summary>Statistics of <paramref name="voxels"/>, which must not be empty.</summary>
    public static HuStatistics Of(ReadOnlySpan<short> voxels)
    {
        if (voxels.IsEmpty)
        {
            throw new ArgumentException("No voxels to summarise.", nameof(voxels));
        }

        var min = short.MaxValue;
        var max = short.MinValue;
        var sum = 0L;
        foreach (var v in voxels)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
        }

        return new HuStatistics(min, max, (double)sum / voxels.Length);
    }
}
