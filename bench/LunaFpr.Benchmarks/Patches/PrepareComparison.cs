using System.Diagnostics;
using LunaFpr.Candidates;
using LunaFpr.Imaging;
using LunaFpr.Patches;

namespace LunaFpr.Benchmarks.Patches;

/// <summary>
/// <c>compare prepare [--candidates N] [--rounds R]</c>: <c>prepare</c> of the real scan with N candidates (default
/// 1,000: its nodule as class 1, the rest class 0 at seeded random points inside the scan) — reading the lists,
/// the scan, resampling, cutting and writing the store — against reading that scan alone, one worker.
/// Rounds alternate; the best of each is reported with the ratio (goal ≤ 2×).
/// </summary>
public sealed class PrepareComparison : IComparison
{
    public string Name => "prepare";

    public string Description => "prepare of one real scan with 1,000 candidates vs reading the scan alone";

    public int Run(string[] args)
    {
        var candidateCount = CubesComparison.IntOption(args, "--candidates", 1000);
        var rounds = CubesComparison.IntOption(args, "--rounds", 3);
        var folder = Directory.CreateTempSubdirectory("lunafpr-bench-prepare-");
        try
        {
            var options = Lay(folder.FullName, candidateCount);
            ScanFiles.Read(RealScan.MhdPath); // warm-up: JIT and the page cache
            Prepare(options);
            double read = double.MaxValue, prepare = double.MaxValue;
            PrepareResult? result = null;
            for (var r = 0; r < rounds; r++)
            {
                read = Math.Min(read, Seconds(() => ScanFiles.Read(RealScan.MhdPath)));
                prepare = Math.Min(prepare, Seconds(() => result = Prepare(options)));
            }

            var cubes = result!.CountsBySubset[0].Total;
            Console.WriteLine($"real scan {RealScan.SeriesUid}, {candidateCount} candidates → {cubes} cubes "
                + $"({result.CountsBySubset[0].Resampled} resampled), best of {rounds} alternating rounds");
            Console.WriteLine($"{"read the scan alone",-28} {read,8:F3} s");
            Console.WriteLine($"{"prepare (lists+scan+cubes)",-28} {prepare,8:F3} s   {cubes / prepare,8:N0} cubes/s");
            Console.WriteLine($"ratio prepare / read:        {prepare / read,6:F2}×  (goal ≤ 2×)");
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static PrepareResult Prepare(PrepareOptions options)
    {
        var candidates = CandidateCsv.Read(options.CandidatesPath);
        var annotations = AnnotationCsv.Read(options.AnnotationsPath);
        return new PatchStoreBuilder(path => ScanFiles.Read(path)).Build(options, candidates, annotations);
    }

    private static PrepareOptions Lay(string root, int candidateCount)
    {
        var subset = Directory.CreateDirectory(Path.Combine(root, "luna16", "subset0")).FullName;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(RealScan.MhdPath)!))
        {
            File.CreateSymbolicLink(Path.Combine(subset, Path.GetFileName(file)), file);
        }

        var scan = ScanFiles.Read(RealScan.MhdPath);
        var random = new Random(2);
        var candidates = new List<Candidate> { new(RealScan.SeriesUid, RealScan.NoduleCentreMm, 1) };
        while (candidates.Count < candidateCount)
        {
            var index = new Vector3D(random.NextDouble() * (scan.Size.X - 1), random.NextDouble() * (scan.Size.Y - 1),
                random.NextDouble() * (scan.Size.Z - 1));
            candidates.Add(new Candidate(RealScan.SeriesUid, scan.ContinuousIndexToWorld(index), 0));
        }

        var candidatesPath = Path.Combine(root, "candidates.csv");
        var annotationsPath = Path.Combine(root, "annotations.csv");
        CandidateCsv.Write(candidatesPath, candidates);
        AnnotationCsv.Write(annotationsPath,
            [new Annotation(RealScan.SeriesUid, RealScan.NoduleCentreMm, RealScan.NoduleDiameterMm)]);
        return new PrepareOptions(Path.Combine(root, "luna16"), candidatesPath, annotationsPath, null,
            Path.Combine(root, "store")) { Subsets = [0], Force = true };
    }

    private static double Seconds(Action run)
    {
        var watch = Stopwatch.StartNew();
        run();
        return watch.Elapsed.TotalSeconds;
    }
}
