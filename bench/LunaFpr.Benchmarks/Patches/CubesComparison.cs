using System.Diagnostics;
using System.Globalization;
using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Benchmarks.Patches;

/// <summary>
/// <c>compare cubes [--count N] [--rounds R]</c>: cutting 26 × 40 × 40 cubes from the real scan in memory, LunaFpr
/// against the original's numpy slicing + clip + scale per cube (<c>/usr/bin/python3</c> with numpy), the same
/// scan and the same centres (about a tenth crossing a face), one thread each. Rounds of both alternate so a
/// busy machine slows both alike; the best round of each is reported, in cubes per second of wall time and of
/// CPU time, for LunaFpr's int16 cut (what <c>prepare</c> stores) and for its cut + lung window to float (what the
/// original produced), with ratios.
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
        CubeRate int16 = default, windowed = default, reference = default;
        for (var r = 0; r < rounds; r++)
        {
            int16 = int16.Best(Rate(count, () => CutInt16(scan, centres)));
            windowed = windowed.Best(Rate(count, () => CutAndWindow(scan, centres)));
            reference = reference.Best(numpy?.RunRound() ?? default);
        }

        Console.WriteLine($"{"cubes per second",-34} {"wall",10} {"CPU",10}");
        Print("LunaFpr int16 cut (stored)", int16);
        Print("LunaFpr cut + lung window float", windowed);
        if (numpy is null)
        {
            Console.WriteLine($"numpy reference skipped ({whyNot}); apt-get install -y python3-numpy");
            return 0;
        }

        Print("numpy slice + clip + scale", reference);
        Console.WriteLine($"ratio int16 cut / numpy:      {int16.Wall / reference.Wall,6:F1}× wall "
            + $"{int16.Cpu / reference.Cpu,6:F1}× CPU  (goal ≥ 10×)");
        Console.WriteLine($"ratio cut + window / numpy:   {windowed.Wall / reference.Wall,6:F1}× wall "
            + $"{windowed.Cpu / reference.Cpu,6:F1}× CPU");
        return 0;
    }

    private static void Print(string name, CubeRate rate) =>
        Console.WriteLine($"{name,-34} {rate.Wall,10:N0} {rate.Cpu,10:N0}");

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

    /// <summary>
    /// Cubes per second of wall time and of this process's CPU time: on a shared machine the CPU figure leaves
    /// out the time other processes held the core, which the wall figure counts.
    /// </summary>
    private static CubeRate Rate(int count, Func<long> run)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run();
        var wall = watch.Elapsed.TotalSeconds;
        self.Refresh();
        return new CubeRate(count / wall, count / (self.TotalProcessorTime - cpu).TotalSeconds);
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

/// <summary>Cubes per second of wall time and of CPU time.</summary>
internal readonly record struct CubeRate(double Wall, double Cpu)
{
    /// <summary>The higher of each figure.</summary>
    public CubeRate Best(CubeRate other) => new(Math.Max(Wall, other.Wall), Math.Max(Cpu, other.Cpu));
}
