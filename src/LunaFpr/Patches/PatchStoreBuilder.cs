using System.Collections.Concurrent;
using System.Globalization;
using CsvHelper;
using LunaFpr.Candidates;
using LunaFpr.IO;
using LunaFpr.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Patches;

/// <summary>
/// The core of <c>lunafpr prepare</c> (SPEC §2): groups candidates by series, resamples positives, cuts a cube
/// around every point of every scan of the chosen subsets and writes them into a patch store.
/// </summary>
/// <remarks>
/// Scans are processed in parallel by at most <see cref="PrepareOptions.Workers"/> workers, each holding one
/// scan at a time, and cubes stream to disk, so memory does not grow with the number of scans. Each series is
/// written atomically (<see cref="SeriesPatchWriter"/>); a run killed at any moment and started again skips the
/// finished series and redoes the rest, unless <see cref="PrepareOptions.Force"/> asks to redo everything.
/// </remarks>
/// <param name="readScan">Reads a scan file into HU voxels and geometry (the CLI passes the MetaImage reader).</param>
/// <param name="logger">Warnings with the series UID for odd data; quiet otherwise.</param>
public sealed class PatchStoreBuilder(Func<string, Scan> readScan, ILogger? logger = null)
{
    private readonly ILogger log = logger ?? NullLogger.Instance;

    /// <summary>
    /// Builds or completes the store in <see cref="PrepareOptions.OutputDirectory"/> from
    /// <paramref name="candidates"/> and <paramref name="annotations"/>, which must be the contents of
    /// <see cref="PrepareOptions.CandidatesPath"/> and <see cref="PrepareOptions.AnnotationsPath"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The folder holds a store built with other settings or inputs.</exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancel"/> fired; finished series stay, the one being written leaves nothing.
    /// </exception>
    public PrepareResult Build(
        PrepareOptions options,
        IReadOnlyList<Candidate> candidates,
        IReadOnlyList<Annotation> annotations,
        IProgress<PrepareProgress>? progress = null,
        CancellationToken cancel = default)
    {
        options.Validate();
        var allScans = Luna16Scans.Find(options.Luna16Directory);
        var chosen = allScans.Where(s => options.Subsets.Contains(s.Subset)).ToList();
        new PatchStoreFolder(options, log).Open();
        WriteSeriesLists(options.OutputDirectory, options.Subsets, chosen);

        var candidatesBySeries = candidates.GroupBy(c => c.SeriesUid)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Candidate>)g.ToList());
        var nodulesBySeries = annotations.GroupBy(a => a.SeriesUid)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Annotation>)g.ToList());
        var (orphanCandidates, orphanSeries) = CountWithoutScan(candidatesBySeries, allScans);

        var run = new Run(options, candidatesBySeries, nodulesBySeries, chosen.Count, progress);
        progress?.Report(new PrepareProgress(0, chosen.Count, 0));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancel };
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(chosen, EnumerablePartitionerOptions.NoBuffering),
            parallel,
            scan => PrepareOrSkip(run, scan, cancel));

        var countsBySubset = options.Subsets.Distinct().Order().ToDictionary(
            subset => subset,
            subset => WriteCounts(options.OutputDirectory, subset, chosen, run.CountsBySeries));
        return new PrepareResult(countsBySubset, run.Prepared, run.Skipped, orphanCandidates, orphanSeries,
            run.UnmatchedPositives, run.OutsideScan);
    }

    private void PrepareOrSkip(Run run, ScanLocation scan, CancellationToken cancel)
    {
        var store = run.Options.OutputDirectory;
        PatchCounts counts;
        var shape = run.Options.CubeShape;
        if (!run.Options.Force && SeriesPatchWriter.IsComplete(store, scan.Subset, scan.SeriesUid, shape))
        {
            counts = PatchCounts.Of(PatchIndexCsv.Read(PatchStoreLayout.SeriesIndex(store, scan.Subset,
                scan.SeriesUid), scan.Subset));
            Interlocked.Increment(ref run.Skipped);
        }
        else
        {
            counts = PrepareSeries(run, scan, cancel);
            Interlocked.Increment(ref run.Prepared);
            Interlocked.Add(ref run.CubesWritten, counts.Total);
        }

        run.CountsBySeries[scan.SeriesUid] = counts;
        run.ReportOneDone();
    }

    private PatchCounts PrepareSeries(Run run, ScanLocation location, CancellationToken cancel)
    {
        var uid = location.SeriesUid;
        var scan = readScan(location.Path);
        var resampler = new PositiveResampler(run.Options.Seed, log, run.Options.PlaneCap);
        var series = resampler.Resample(uid, run.CandidatesOf(uid), run.NodulesOf(uid));
        Interlocked.Add(ref run.UnmatchedPositives, series.UnmatchedPositives);

        var shape = run.Options.CubeShape;
        var cube = new short[shape.VoxelCount];
        var counts = new PatchCounts();
        var outside = 0;
        using var writer = SeriesPatchWriter.Begin(run.Options.OutputDirectory, location.Subset, uid, shape);
        var centers = series.Points.Select(p => scan.WorldToIndexZyx(p.CenterWorldMm)).ToArray();
        for (var i = 0; i < centers.Length; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var point = series.Points[i];
            outside += scan.Contains(centers[i]) ? 0 : 1;
            CubeExtractor.Extract(scan, centers[i], shape, cube, i + 1 < centers.Length ? centers[i + 1] : null);
            writer.Add(point.Kind, point.CenterWorldMm, centers[i], cube);
            counts = counts.Add(point.Kind);
        }

        writer.Commit();
        if (outside > 0)
        {
            Interlocked.Add(ref run.OutsideScan, outside);
            log.LogWarning("Series {SeriesUid}: {Count} points lie outside the scan; their cubes hold only {Hu} HU.",
                uid, outside, CubeExtractor.OutsideHu);
        }

        return counts;
    }

    private (int Candidates, int Series) CountWithoutScan(
        Dictionary<string, IReadOnlyList<Candidate>> candidatesBySeries,
        IReadOnlyList<ScanLocation> allScans)
    {
        var scanned = allScans.Select(s => s.SeriesUid).ToHashSet();
        var orphans = candidatesBySeries.Where(p => !scanned.Contains(p.Key)).ToList();
        var count = orphans.Sum(p => p.Value.Count);
        if (orphans.Count > 0)
        {
            // Information, not a warning: the result counts them and the command line prints that count.
            log.LogInformation("{Count} candidates of {Series} series have no scan in any subset folder; skipped.",
                count, orphans.Count);
        }

        return (count, orphans.Count);
    }

    private static void WriteSeriesLists(string store, IReadOnlyList<int> subsets, IReadOnlyList<ScanLocation> scans)
    {
        foreach (var subset in subsets.Distinct())
        {
            Directory.CreateDirectory(PatchStoreLayout.SubsetDirectory(store, subset));
            SeriesUidList.Write(PatchStoreLayout.SeriesUids(store, subset),
                scans.Where(s => s.Subset == subset).Select(s => s.SeriesUid));
        }
    }

    private static PatchCounts WriteCounts(
        string store,
        int subset,
        IReadOnlyList<ScanLocation> scans,
        ConcurrentDictionary<string, PatchCounts> countsBySeries)
    {
        var total = new PatchCounts();
        AtomicFile.WriteText(PatchStoreLayout.Counts(store, subset), writer =>
        {
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            csv.WriteField("seriesuid");
            csv.WriteField("original");
            csv.WriteField("resampled");
            csv.WriteField("negative");
            csv.NextRecord();
            foreach (var scan in scans.Where(s => s.Subset == subset))
            {
                var counts = countsBySeries[scan.SeriesUid];
                total += counts;
                csv.WriteField(scan.SeriesUid);
                csv.WriteField(counts.Original);
                csv.WriteField(counts.Resampled);
                csv.WriteField(counts.Negative);
                csv.NextRecord();
            }
        });
        return total;
    }

    /// <summary>State shared by the workers of one run; counters change through <see cref="Interlocked"/>.</summary>
    private sealed class Run(
        PrepareOptions options,
        Dictionary<string, IReadOnlyList<Candidate>> candidatesBySeries,
        Dictionary<string, IReadOnlyList<Annotation>> nodulesBySeries,
        int scansTotal,
        IProgress<PrepareProgress>? progress)
    {
        private readonly Lock reportLock = new();
        private int done;

        public int Prepared;
        public int Skipped;
        public long CubesWritten;
        public int UnmatchedPositives;
        public int OutsideScan;

        public PrepareOptions Options { get; } = options;

        public ConcurrentDictionary<string, PatchCounts> CountsBySeries { get; } = new();

        public IReadOnlyList<Candidate> CandidatesOf(string uid) => candidatesBySeries.GetValueOrDefault(uid) ?? [];

        public IReadOnlyList<Annotation> NodulesOf(string uid) => nodulesBySeries.GetValueOrDefault(uid) ?? [];

        public void ReportOneDone()
        {
            lock (reportLock)
            {
                done++;
                progress?.Report(new PrepareProgress(done, scansTotal, Interlocked.Read(ref CubesWritten)));
            }
        }
    }
}
