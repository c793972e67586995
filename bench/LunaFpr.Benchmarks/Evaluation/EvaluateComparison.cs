using System.Diagnostics;
using System.Globalization;
using LunaFpr.Candidates;
using LunaFpr.Evaluation;
using LunaFpr.Imaging;

namespace LunaFpr.Benchmarks.Evaluation;

/// <summary>
/// <c>compare evaluate [--rows N] [--bootstrap N] [--luna16 DIR]</c>: times the LUNA16 evaluation of a generated
/// 750,000-row submission over the 888 real scans (real annotation files, 1,000 bootstraps) stage by stage,
/// against the 10-second goal. The challenge's Python script takes minutes on the same input (it scans the whole
/// submission once per scan and re-sorts every bootstrap resample); it is not run here, as it needs Python 2.
/// </summary>
public sealed class EvaluateComparison : IComparison
{
    private const double GoalSeconds = 10;

    public string Name => "evaluate";

    public string Description => "LUNA16 FROC evaluation of 750k candidates with 1,000 bootstraps, against 10 s.";

    public int Run(string[] args)
    {
        var rows = IntArgument(args, "--rows", 750_000);
        var bootstrap = IntArgument(args, "--bootstrap", 1000);
        var luna16 = StringArgument(args, "--luna16") ?? FindLuna16();
        var annotationsPath = Path.Combine(luna16, "annotations.csv");
        var excludedPath = Path.Combine(luna16, "annotations_excluded.csv");
        var uidsPath = Path.Combine(luna16, "seriesuids.csv");
        var folder = Directory.CreateTempSubdirectory("lunafpr-bench-evaluate-").FullName;
        try
        {
            var submissionPath = Path.Combine(folder, "submission.csv");
            SubmissionCsv.Write(submissionPath, Generate(rows, AnnotationCsv.Read(annotationsPath),
                SeriesUidList.Read(uidsPath), seed: 2016));
            var megabytes = new FileInfo(submissionPath).Length / 1e6;
            Console.WriteLine($"Generated {rows:N0} rows over the LUNA16 scans ({megabytes:F1} MB).");

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var total = Stopwatch.StartNew();
            var stage = Stopwatch.StartNew();
            var submission = SubmissionCsv.Read(submissionPath);
            var annotations = AnnotationCsv.Read(annotationsPath);
            var excluded = AnnotationCsv.Read(excludedPath);
            var uids = SeriesUidList.Read(uidsPath);
            var read = stage.Elapsed.TotalSeconds;
            var readCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

            stage.Restart();
            var result = FrocEvaluator.Evaluate(submission, annotations, excluded, uids,
                new FrocOptions { BootstrapCount = bootstrap });
            var evaluate = stage.Elapsed.TotalSeconds;
            var evaluateCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds - readCpu;

            stage.Restart();
            FrocReport.Write(Path.Combine(folder, "summary.txt"), result);
            FrocCsv.WriteCurve(Path.Combine(folder, "froc.csv"), result);
            FrocCsv.WriteBand(Path.Combine(folder, "froc_band.csv"), result);
            FrocCsv.WriteMissedNodules(Path.Combine(folder, "missed_nodules.csv"), result);
            var write = stage.Elapsed.TotalSeconds;
            var seconds = total.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

            var (cores, ratio, band) = (Environment.ProcessorCount, seconds / GoalSeconds, result.CpmBand);
            var (hits, nodules) = (result.Counts.Hits, result.Counts.Nodules);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"""
                 evaluate, {submission.Count:N0} rows, {uids.Count} scans, {bootstrap} bootstraps, {cores} cores
                   read the four files          {read,7:F2} s   (CPU {readCpu:F2} s)
                   match + FROC + bootstrap     {evaluate,7:F2} s   (CPU {evaluateCpu:F2} s)
                   write summary and tables     {write,7:F2} s
                   total                        {seconds,7:F2} s   (goal {GoalSeconds:F0} s: {ratio:F2} of it)
                   CPU time, all threads        {cpu,7:F2} s   (machine load average {LoadAverage()})
                   CPM {result.Cpm:F4}, band [{band?.Lower:F4}, {band?.Upper:F4}], hits {hits}/{nodules}
                 """));
            // On a shared machine the wall time follows its load; the CPU time shows what the program itself costs.
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// A seeded submission: for 90% of nodules one to three marks inside them scoring high, a few marks on excluded
    /// findings, and the rest false positives spread over each scan's chest-sized box, probabilities on a 1/1000 grid
    /// so ties occur as in real outputs.
    /// </summary>
    private static List<ScoredCandidate> Generate(int rows, IReadOnlyList<Annotation> nodules,
        IReadOnlyList<string> uids, int seed)
    {
        var random = new Random(seed);
        var submission = new List<ScoredCandidate>(rows);
        foreach (var nodule in nodules.Where(_ => random.NextDouble() < 0.9))
        {
            for (var k = random.Next(1, 4); k > 0 && submission.Count < rows; k--)
            {
                var offset = new Vector3D(random.NextDouble(), random.NextDouble(), random.NextDouble())
                    - new Vector3D(0.5, 0.5, 0.5);
                var center = nodule.CenterWorldMm + offset * (nodule.RadiusMm * 0.8);
                submission.Add(new ScoredCandidate(nodule.SeriesUid, center,
                    Math.Round(0.5 + 0.5 * random.NextDouble(), 3)));
            }
        }

        // False positives mostly score low, one in 200 anywhere: a few per scan above the nodules' scores.
        while (submission.Count < rows)
        {
            var uid = uids[random.Next(uids.Count)];
            var center = new Vector3D(random.Next(-150, 150), random.Next(-150, 150), random.Next(-350, 0));
            var probability = Math.Round(random.NextDouble() * (random.Next(200) == 0 ? 1 : 0.3), 3);
            submission.Add(new ScoredCandidate(uid, center + new Vector3D(random.NextDouble(), 0, 0), probability));
        }

        return submission;
    }

    /// <summary>The 1-minute load average on Linux, to tell a slow run on a busy machine from a slow program.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg")
        ? File.ReadAllText("/proc/loadavg").Split(' ')[0]
        : "unknown";

    private static string FindLuna16()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "luna16");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/data/luna16 above the benchmark; pass --luna16 DIR.");
    }

    private static int IntArgument(string[] args, string name, int fallback) =>
        StringArgument(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringArgument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
