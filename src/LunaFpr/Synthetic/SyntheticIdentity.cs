namespace LunaFpr.Synthetic;

/// <summary>
/// Names and random streams of synthetic scan <c>i</c>: its series UID, its subset and the seeds of its
/// independent random streams, all functions of (seed, size, index) only.
/// </summary>
public static class SyntheticIdentity
{
    /// <summary>
    /// UID root of every synthetic series: a private-enterprise arc that no LIDC-IDRI UID
    /// (1.3.6.1.4.1.14519…) can share.
    /// </summary>
    public const string UidRoot = "1.3.6.1.4.1.55555";

    /// <summary>Number of LUNA16 subsets; scan <c>i</c> goes to <c>subset(i mod 10)</c>.</summary>
    public const int SubsetCount = 10;

    /// <summary>
    /// A DICOM-style series UID <c>1.3.6.1.4.1.55555.&lt;size&gt;.&lt;seed&gt;.&lt;index&gt;</c>, with size 1 for
    /// <see cref="SyntheticSize.Small"/> and 2 for <see cref="SyntheticSize.Realistic"/>, so that data sets
    /// of different size or seed never share a name.
    /// </summary>
    public static string SeriesUid(int seed, SyntheticSize size, int index) =>
        FormattableString.Invariant($"{UidRoot}.{(int)size + 1}.{seed}.{index}");

    /// <summary>Subset folder number of scan <paramref name="index"/>.</summary>
    public static int Subset(int index) => index % SubsetCount;

    /// <summary>
    /// Seed of random stream <paramref name="stream"/> of one scan: SplitMix64 over (seed, size, index,
    /// stream). Stable across runs and processes, unlike <see cref="HashCode"/>.
    /// </summary>
    internal static int StreamSeed(int seed, SyntheticSize size, int index, int stream)
    {
        var state = (ulong)(uint)seed;
        state = Mix(state ^ ((ulong)(uint)size << 32));
        state = Mix(state ^ (ulong)(uint)index);
        state = Mix(state ^ ((ulong)(uint)stream << 40));
        return (int)(state & 0x7FFF_FFFF);
    }

    /// <summary>SplitMix64's finaliser: a bijection that spreads every input bit over the output.</summary>
    internal static ulong Mix(ulong z)
    {
        z += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
