using System.Diagnostics;
using System.Globalization;
using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Benchmarks.Patches;

/// <summary>
/// <c>compare cubes [--count N] [--rounds R]</c>: cutting 26 × 40 × 40 cubes from the real scan in memory, LunaFpr
/// against the original's numpy slicing + clip + scale per cube (<c>/usr/bin/python3</c> with numpy), the same
/// scan and the same centres (about a tenth crossing a face), one thread each. Rounds of both alternate so a
/// busy machine slows both alike; the best round of each is reported, for LunaFpr's int16 cut (what
/// <c>prepare</c> stores) and for its cut + lung window to float (what the original produced), with ratios.
/// </summary>
public sealed class CubesComparison : IComparison
{
    private static readonly CubeShape Shape = CubeShape.Default;

    public string Name => "cubes";

    public string Description => "Cube extraction: LunaFpr vs numpy slicing+clip+scale (ratio, one core each)";

    public int Run(string[] args)
    {
        var count = IntOption(args, "--count", 2000);
        var rounds = IntOption(args, "--rounds", 5);
        var scan = ScanFiles.Read(RealScan.MhdPath);
        var centres = RealScan.RandomCentres(scan, count, seed: 1);
        Console.WriteLine($"scan {scan.Size} (x × y × z), {count} centres, best of {rounds} alternating rounds");

        using var numpy = NumpyCubeCutter.Start(scan, centres, out var whyNot);
        WarmUp(() => CutInt16(scan, centres));
        WarmUp(() => CutAndWindow(scan, centres));
        double int16 = 0, windowed = 0, reference = 0;
        for (var r = 0; r < rounds; r++)
        {
            int16 = Math.Max(int16, Rate(count, () => CutInt16(scan, centres)));
            windowed = Math.Max(windowed, Rate(count, () => CutAndWindow(scan, centres)));
            reference = Math.Max(reference, numpy?.RunRound() ?? 0);
        }

        Console.WriteLine($"{"LunaFpr int16 cut (stored)",-34} {int16,10:N0} cubes/s");
        Console.WriteLine($"{"LunaFpr cut + lung window float",-34} {windowed,10:N0} cubes/s");
        if (numpy is null)
        {
            Console.WriteLine($"numpy reference skipped ({whyNot}); apt-get install -y python3-numpy");
            return 0;
        }

        Console.WriteLine($"{"numpy slice + clip + scale",-34} {reference,10:N0} cubes/s");
        Console.WriteLine($"ratio int16 cut / numpy:      {int16 / reference,6:F1}×  (goal ≥ 10×)");
        Console.WriteLine($"ratio cut + window / numpy:   {windowed / reference,6:F1}×");
        return 0;
    }

    /// <summary>Cuts every centre as <c>prepare</c> does: the next cube's rows prefetched while one is cut.</summary>
    private static long CutInt16(Scan scan, IndexZyx[] centres)
    {
        var cube = new short[Shape.VoxelCount];
        long checksum = 0;
        for (var i = 0; i < centres.Length; i++)
        {
            CubeExtractor.Extract(scan, centres[i], Shape, cube, i + 1 < centres.Length ? centres[i + 1] : null);
            checksum += cube[(13 * 40 + 20) * 40 + 20];
        }

        return checksum;
    }

    private static long CutAndWindow(Scan scan, IndexZyx[] centres)
    {
        var cube = new short[Shape.VoxelCount];
        var values = new float[CubeChannels.Default.ValueCount];
        double checksum = 0;
        for (var i = 0; i < centres.Length; i++)
        {
            CubeExtractor.Extract(scan, centres[i], Shape, cube, i + 1 < centres.Length ? centres[i + 1] : null);
            CubeChannels.Default.Fill(cube, values);
            checksum += values[(13 * 40 + 20) * 40 + 20];
        }

        return (long)checksum;
    }

    /// <summary>Runs for a second so tiered JIT settles on optimised code before anything is timed.</summary>
    private static void WarmUp(Func<long> run)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < 1)
        {
            run();
        }
    }

    private static double Rate(int count, Func<long> run)
    {
        var watch = Stopwatch.StartNew();
        run();
        return count / watch.Elapsed.TotalSeconds;
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
