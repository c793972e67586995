using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LunaFpr.Imaging.Dicom;

namespace LunaFpr.Benchmarks;

/// <summary>
/// <c>compare read-dicom [FOLDER] [--repeats N] [--threads N] [--python PATH]</c>: reading one CT series from DICOM into an
/// int16 HU volume, LunaFpr against pydicom + numpy doing the same work (read every file, skip non-DICOM,
/// sort by position along the normal, stack, apply slope and intercept into int16), in one run.
/// </summary>
/// <remarks>
/// Both sides read once to warm up (JIT, imports, page cache), then time <c>N</c> reads each (default 10) and
/// report best and median wall time, and the CPU time the process spent (all its threads), which a busy shared
/// machine disturbs less. The default folder is the real LIDC-IDRI-0001 series (133 slices of 512 × 512).
/// The two volumes' checksums must agree, so the comparison cannot pass by doing less.
/// Needs <c>apt-get install -y python3-pydicom python3-numpy</c>; the default interpreter is /usr/bin/python3.
/// </remarks>
public sealed class ReadDicomComparison : IComparison
{
    private const double Goal = 3.0;

    // Reads like the widely copied LUNA16/Kaggle preprocessing, minus its prints; timing excludes startup.
    private const string PythonScript = """
        import json, os, sys, time
        import numpy as np
        import pydicom
        from pydicom.errors import InvalidDicomError

        def read(folder):
            slices = []
            for name in sorted(os.listdir(folder)):
                try:
                    slices.append(pydicom.dcmread(os.path.join(folder, name)))
                except InvalidDicomError:
                    pass
            iop = np.array(slices[0].ImageOrientationPatient, dtype=np.float64)
            normal = np.cross(iop[:3], iop[3:])
            slices.sort(key=lambda s: float(np.dot(normal, np.array(s.ImagePositionPatient, dtype=np.float64))))
            image = np.stack([s.pixel_array for s in slices]).astype(np.int16)
            for z, s in enumerate(slices):
                slope, intercept = float(s.RescaleSlope), float(s.RescaleIntercept)
                if slope != 1:
                    image[z] = np.rint(slope * image[z].astype(np.float64)).astype(np.int16)
                image[z] += np.int16(intercept)
            return image

        folder, repeats = sys.argv[1], int(sys.argv[2])
        volume = read(folder)
        wall, cpu = [], []
        for _ in range(repeats):
            start, start_cpu = time.perf_counter(), time.process_time()
            volume = read(folder)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        print(json.dumps({"wall": wall, "cpu": cpu, "checksum": int(volume.astype(np.int64).sum())}))
        """;

    public string Name => "read-dicom";

    public string Description => "Read a DICOM CT series to int16 HU: LunaFpr vs pydicom + numpy (goal ≥ 3×).";

    public int Run(string[] args)
    {
        var folder = Positional(args) ?? DefaultFolder();
        var repeats = int.Parse(Option(args, "--repeats") ?? "10", CultureInfo.InvariantCulture);
        var python = Option(args, "--python") ?? "/usr/bin/python3";
        var threads = int.Parse(Option(args, "--threads") ?? $"{Environment.ProcessorCount}", CultureInfo.InvariantCulture);

        var (ours, files) = TimeLunaFpr(folder, repeats, new DicomReadOptions { MaxParallelism = threads });
        var theirs = TimePython(python, folder, repeats);
        if (theirs is null)
        {
            return 1;
        }

        Console.WriteLine(
            $"read-dicom: {files} slices from {folder}; {repeats} timed reads each after one warm-up read; " +
            $"LunaFpr on {threads} threads");
        Console.WriteLine($"{"",-24}{"wall best",11}{"wall median",13}{"CPU best",11}{"CPU median",12}  (ms)");
        Row("LunaFpr", ours);
        Row("pydicom + numpy", theirs);
        var wallRatio = Median(theirs.WallMs) / Median(ours.WallMs);
        var cpuRatio = Median(theirs.CpuMs) / Median(ours.CpuMs);
        Console.WriteLine($"{"ratio (python / ours)",-24}{theirs.WallMs.Min() / ours.WallMs.Min(),10:F1}×" +
            $"{wallRatio,12:F1}×{theirs.CpuMs.Min() / ours.CpuMs.Min(),10:F1}×{cpuRatio,11:F1}×");
        Console.WriteLine($"goal ≥ {Goal:F0}× on the median wall time: {(wallRatio >= Goal ? "met" : "NOT met")}");
        if (ours.Checksum != theirs.Checksum)
        {
            Console.WriteLine(
                $"checksums differ: LunaFpr {ours.Checksum}, python {theirs.Checksum}; the volumes are not equal");
            return 1;
        }

        Console.WriteLine($"volumes agree: voxel sum {ours.Checksum} on both sides");
        return 0;
    }

    private static void Row(string name, Timings t) => Console.WriteLine(
        $"{name,-24}{t.WallMs.Min(),11:F1}{Median(t.WallMs),13:F1}{t.CpuMs.Min(),11:F1}{Median(t.CpuMs),12:F1}");

    private static (Timings Timings, int Slices) TimeLunaFpr(string folder, int repeats, DicomReadOptions options)
    {
        var scan = DicomSeriesReader.Read(folder, options: options);
        var process = Process.GetCurrentProcess();
        var wall = new double[repeats];
        var cpu = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var startCpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            scan = DicomSeriesReader.Read(folder, options: options);
            wall[i] = clock.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - startCpu).TotalMilliseconds;
        }

        var checksum = 0L;
        foreach (var v in scan.Voxels)
        {
            checksum += v;
        }

        return (new Timings(wall, cpu, checksum), scan.Size.Z);
    }

    private static Timings? TimePython(string python, string folder, int repeats)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-c", PythonScript, folder, repeats.ToString(CultureInfo.InvariantCulture) },
        };
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {python}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"{python} failed ({process.ExitCode}): {stderr.Result.Trim()}");
            Console.Error.WriteLine("Install the reference with: apt-get install -y python3-pydicom python3-numpy");
            return null;
        }

        using var json = JsonDocument.Parse(stdout);
        double[] Numbers(string name) =>
            json.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new Timings(Numbers("wall"), Numbers("cpu"), json.RootElement.GetProperty("checksum").GetInt64());
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The first argument that is neither an option nor an option's value.</summary>
    private static string? Positional(string[] args) => args
        .Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal)
            && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal)))
        .FirstOrDefault();

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The real series in <c>shared/data</c> beside the repository (or beside one of its parents).</summary>
    private static string DefaultFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "lidc-idri-0001", "dicom");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/data/lidc-idri-0001/dicom above the benchmark; give FOLDER.");
    }

    /// <summary>Per-read wall and CPU milliseconds of one side, and the voxel sum of its last volume.</summary>
    private sealed record Timings(double[] WallMs, double[] CpuMs, long Checksum);
}
