using static LunaFpr.Benchmarks.ComparisonTools;
using System.Diagnostics;
using System.Globalization;
using LunaFpr.Imaging;
using LunaFpr.Imaging.Dicom;

namespace LunaFpr.Benchmarks;

/// <summary>
/// <c>compare read-dicom [--folder DIR] [--repeats N] [--threads N]</c>: reads one CT series from DICOM into an
/// int16 HU volume with LunaFpr and with pydicom + numpy doing the same work, and prints best and median times
/// and the ratio pydicom / ours (goal ≥ 3).
/// </summary>
/// <remarks>
/// The default folder is the real LIDC-IDRI-0001 series (133 slices of 512 × 512, beside the readers' XML).
/// Both sides read it once to warm up (JIT, imports, page cache); then each round reads it with LunaFpr, with
/// LunaFpr on fresh memory, and with pydicom, so load from other processes on a shared machine falls on all
/// alike. Besides wall time it shows the CPU time each process spent (all its threads), which such load
/// disturbs less.
/// The two volumes' voxel sums must agree, so neither side can win by doing less.
/// Needs <c>apt-get install -y python3-pydicom python3-numpy</c> for /usr/bin/python3.
/// </remarks>
public sealed class ReadDicomComparison : IComparison
{
    private const double Goal = 3.0;

    public string Name => "read-dicom";

    public string Description => "Read a DICOM CT series to int16 HU: LunaFpr against pydicom + numpy.";

    public int Run(string[] args)
    {
        var folder = StringOption(args, "--folder")
            ?? Path.Combine(SharedData.Folder, "lidc-idri-0001", "dicom");
        var repeats = IntOption(args, "--repeats") ?? 15;
        var threads = IntOption(args, "--threads") ?? Environment.ProcessorCount;
        var options = new DicomReadOptions { MaxParallelism = threads };

        var scan = DicomSeriesReader.Read(folder, options: options);
        using var pydicom = PydicomSeriesReader.Start(folder);
        if (pydicom is null)
        {
            return 2;
        }

        if (pydicom.VoxelSum != Sum(scan))
        {
            Console.Error.WriteLine($"pydicom read different voxels: sum {pydicom.VoxelSum}, LunaFpr {Sum(scan)}.");
            return 1;
        }

        var ours = new Timings(repeats);
        var oursFresh = new Timings(repeats);
        var theirs = new Timings(repeats);
        for (var i = 0; i < repeats; i++)
        {
            (ours.WallMs[i], ours.CpuMs[i]) = TimeOurs(folder, options, freshMemory: false);
            (oursFresh.WallMs[i], oursFresh.CpuMs[i]) = TimeOurs(folder, options, freshMemory: true);
            (theirs.WallMs[i], theirs.CpuMs[i]) = pydicom.TimeOneRead();
        }

        Print(folder, scan, options, [("LunaFpr", ours), ("LunaFpr, fresh memory each", oursFresh)], theirs);
        return 0;
    }

    /// <param name="folder">The series.</param>
    /// <param name="options">Threads to read with.</param>
    /// <param name="freshMemory">
    /// Return freed memory to the operating system first (an aggressive collection), so the volume lands on pages
    /// never touched before, as numpy's large arrays do; otherwise the runtime may reuse the last volume's. The
    /// last volume is collected either way, as python frees its own before each read.
    /// </param>
    private static (double WallMs, double CpuMs) TimeOurs(string folder, DicomReadOptions options, bool freshMemory)
    {
        GC.Collect(2, freshMemory ? GCCollectionMode.Aggressive : GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var scan = DicomSeriesReader.Read(folder, options: options);
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        GC.KeepAlive(scan);
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static void Print(
        string folder,
        Scan scan,
        DicomReadOptions options,
        (string Name, Timings Timings)[] ours,
        Timings theirs)
    {
        Console.WriteLine($"read-dicom: {folder}");
        Console.WriteLine(
            $"  {scan.Size} voxels, warm page cache, {theirs.WallMs.Length} interleaved rounds, " +
            $"LunaFpr on {options.MaxParallelism} threads");
        Console.WriteLine($"  {"reader",-28} {"best ms",9} {"median ms",10} {"CPU best",9} {"CPU median",11}");
        foreach (var (name, timings) in ours)
        {
            Row(name, timings);
        }

        Row("pydicom + numpy", theirs);
        foreach (var (name, timings) in ours)
        {
            var ratio = Median(theirs.WallMs) / Median(timings.WallMs);
            var ratioBest = theirs.WallMs.Min() / timings.WallMs.Min();
            var ratioCpu = Median(theirs.CpuMs) / Median(timings.CpuMs);
            Console.WriteLine(FormattableString.Invariant(
                $"  pydicom / {name}: {ratio:0.0}× median, {ratioBest:0.0}× best (goal ≥ {Goal:0}×: {
                    (ratio >= Goal ? "met" : "missed")}); CPU time {ratioCpu:0.0}× median"));
        }

        Console.WriteLine($"  voxel sums agree: {Sum(scan)}");

        static void Row(string name, Timings t) => Console.WriteLine(FormattableString.Invariant(
            $"  {name,-28} {t.WallMs.Min(),9:0.0} {Median(t.WallMs),10:0.0} {t.CpuMs.Min(),9:0.0} {
                Median(t.CpuMs),11:0.0}"));
    }

    /// <summary>Per-round wall and process CPU milliseconds of one reader.</summary>
    private sealed record Timings(double[] WallMs, double[] CpuMs)
    {
        public Timings(int repeats)
            : this(new double[repeats], new double[repeats])
        {
        }
    }

    private static long Sum(Scan scan) => scan.Voxels.Sum(v => (long)v);
}
