using static LunaFpr.Benchmarks.ComparisonTools;
using System.Diagnostics;
using System.Globalization;
using LunaFpr.Imaging;
using LunaFpr.Imaging.MetaImage;

namespace LunaFpr.Benchmarks;

/// <summary>
/// <c>compare read-mhd [--repeats N] [--scan FILE]</c>: reads an uncompressed LUNA16-style .mhd + .raw with
/// LunaFpr and the same .raw with <c>numpy.fromfile</c>, both from a warm page cache, and prints best and
/// median times and the ratio ours / numpy (goal ≤ 1.0).
/// </summary>
/// <remarks>
/// The scan (by default the real zlib MetaImage in shared/data) is first written out uncompressed into a
/// temporary folder. Each repetition runs LunaFpr, LunaFpr on fresh memory, then numpy, so load from other
/// processes on a shared machine falls on all three alike.
/// </remarks>
public sealed class ReadMhdComparison : IComparison
{
    public string Name => "read-mhd";

    public string Description => "Read an uncompressed .mhd + .raw scan: LunaFpr against numpy.fromfile.";

    public int Run(string[] args)
    {
        var repeats = IntOption(args, "--repeats") ?? 21;
        var source = StringOption(args, "--scan") ?? SharedData.RealScanMhd;
        var folder = Directory.CreateTempSubdirectory("lunafpr-read-mhd-");
        try
        {
            var scan = ScanFiles.Read(source);
            var mhd = Path.Combine(folder.FullName, scan.SeriesUid + ".mhd");
            var raw = Path.ChangeExtension(mhd, ".raw");
            MetaImageWriter.Write(scan, mhd);
            var expectedSum = Sum(scan);
            File.ReadAllBytes(raw); // warm the page cache for both readers

            using var numpy = NumpyFromFile.Start(raw, scan.Size.VoxelCount);
            if (numpy is null)
            {
                return 2;
            }

            Check("numpy", numpy.VoxelSum, expectedSum);
            Check("LunaFpr", Sum(ScanFiles.Read(mhd)), expectedSum); // also compiles the reader's code paths
            var times = new Times(repeats);
            for (var i = 0; i < repeats; i++)
            {
                times.Ours[i] = TimeOurs(mhd, freshMemory: false);
                times.OursFresh[i] = TimeOurs(mhd, freshMemory: true);
                times.Numpy[i] = numpy.TimeOneRead();
            }

            Print(scan, new FileInfo(raw).Length, times);
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record Times(double[] Ours, double[] OursFresh, double[] Numpy)
    {
        public Times(int repeats)
            : this(new double[repeats], new double[repeats], new double[repeats])
        {
        }
    }

    /// <param name="mhd">The uncompressed scan.</param>
    /// <param name="freshMemory">
    /// Return freed memory to the operating system before the read (an aggressive collection), so the voxel
    /// array lands on pages never touched before, as numpy's does; otherwise the runtime may reuse the last one's.
    /// </param>
    private static double TimeOurs(string mhd, bool freshMemory)
    {
        GC.Collect(2, freshMemory ? GCCollectionMode.Aggressive : GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        var scan = ScanFiles.Read(mhd);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        GC.KeepAlive(scan);
        return elapsed;
    }

    private static long Sum(Scan scan) => scan.Voxels.Sum(v => (long)v);

    private static void Check(string reader, long sum, long expectedSum)
    {
        if (sum != expectedSum)
        {
            throw new InvalidOperationException($"{reader} read different voxels: sum {sum}, expected {expectedSum}.");
        }
    }

    private static void Print(Scan scan, long bytes, Times times)
    {
        var megabytes = bytes / 1e6;
        Console.WriteLine($"read-mhd: {scan.SeriesUid}");
        Console.WriteLine(FormattableString.Invariant(
            $"  {scan.Size} voxels MET_SHORT, {megabytes:0.0} MB raw, warm page cache, {times.Ours.Length} rounds"));
        Console.WriteLine($"  {"reader",-30} {"best ms",9} {"median ms",10} {"GB/s best",10}");
        Row("LunaFpr ScanFiles.Read", times.Ours);
        Row("LunaFpr, fresh memory each", times.OursFresh);
        Row("numpy.fromfile", times.Numpy);

        var ratio = Median(times.Ours) / Median(times.Numpy);
        var ratioBest = times.Ours.Min() / times.Numpy.Min();
        var ratioFresh = Median(times.OursFresh) / Median(times.Numpy);
        Console.WriteLine(FormattableString.Invariant(
            $"  ratio ours/numpy: {ratio:0.00} median, {ratioBest:0.00} best (goal ≤ 1.0: {
                (ratio <= 1.0 ? "met" : "missed")}); on fresh memory {ratioFresh:0.00} median"));

        void Row(string name, double[] ms) => Console.WriteLine(FormattableString.Invariant(
            $"  {name,-30} {ms.Min(),9:0.00} {Median(ms),10:0.00} {megabytes / ms.Min(),10:0.00}"));
    }
}
