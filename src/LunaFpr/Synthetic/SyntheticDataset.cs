using LunaFpr.Candidates;
using LunaFpr.Imaging.MetaImage;

namespace LunaFpr.Synthetic;

/// <summary>Progress of <see cref="SyntheticDataset.Generate"/>: one report per finished scan.</summary>
/// <param name="Done">Scans finished so far, including this one.</param>
/// <param name="Total">Scans in the data set.</param>
/// <param name="SeriesUid">The scan just finished.</param>
/// <param name="Reused">True when the scan was already complete on disk and was not rendered again.</param>
public sealed record SyntheticProgress(int Done, int Total, string SeriesUid, bool Reused);

/// <summary>
/// Writes a synthetic data set in the LUNA16 layout: <c>subset0</c> … <c>subset9</c> holding
/// <c>&lt;seriesuid&gt;.mhd</c> + <c>.raw</c> (int16 HU; scan <c>i</c> in <c>subset(i mod 10)</c>), and beside
/// them <c>annotations.csv</c>, <c>annotations_excluded.csv</c>, <c>candidates.csv</c> and
/// <c>seriesuids.csv</c> (no header).
/// </summary>
/// <remarks>
/// Every file is written atomically. A scan whose <c>.mhd</c> and complete <c>.raw</c> already exist is not
/// rendered again (its list rows are re-planned, which is cheap), so a killed run resumes where it stopped;
/// the lists are written last, so their presence means the data set is whole.
/// </remarks>
public static class SyntheticDataset
{
    public const string AnnotationsFile = "annotations.csv";
    public const string ExcludedFile = "annotations_excluded.csv";
    public const string CandidatesFile = "candidates.csv";
    public const string SeriesUidsFile = "seriesuids.csv";

    /// <summary>Generates (or completes) the data set described by <paramref name="options"/> in
    /// <paramref name="outputFolder"/>, scans in parallel; equal options give equal bytes.</summary>
    /// <param name="options">Scan count, seed and size.</param>
    /// <param name="outputFolder">Where the subsets and lists go; created if missing.</param>
    /// <param name="progress">Told after each scan, from worker threads; null for none.</param>
    /// <param name="cancel">Stops between scans; finished scans stay on disk for a later run.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static SyntheticDatasetSummary Generate(
        SyntheticOptions options,
        string outputFolder,
        IProgress<SyntheticProgress>? progress = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        options.Validate();
        for (var subset = 0; subset < SyntheticIdentity.SubsetCount; subset++)
        {
            Directory.CreateDirectory(SubsetFolder(outputFolder, subset));
        }

        var scans = new ScanRows[options.Scans];
        var done = 0;
        var parallel = new ParallelOptions
        {
            CancellationToken = cancel,
            // A realistic scan takes about half a gigabyte while it is rendered.
            MaxDegreeOfParallelism = options.Size == SyntheticSize.Small
                ? Environment.ProcessorCount
                : Math.Min(Environment.ProcessorCount, 4),
        };
        Parallel.For(0, options.Scans, parallel, index =>
        {
            var rows = MakeScan(options, outputFolder, index);
            scans[index] = rows;
            var finished = Interlocked.Increment(ref done);
            progress?.Report(new SyntheticProgress(finished, options.Scans, rows.SeriesUid, rows.Reused));
        });

        WriteLists(outputFolder, scans);
        return Summarise(scans, CountUnlisted(outputFolder, scans));
    }

    /// <summary>Folder of subset <paramref name="subset"/> (0–9) under <paramref name="outputFolder"/>.</summary>
    public static string SubsetFolder(string outputFolder, int subset) =>
        Path.Combine(outputFolder, "subset" + subset);

    /// <summary>Path of a scan's header in the LUNA16 layout.</summary>
    public static string ScanPath(string outputFolder, int subset, string seriesUid) =>
        Path.Combine(SubsetFolder(outputFolder, subset), seriesUid + ".mhd");

    /// <summary>Renders and writes one scan, or only re-plans it when its files are already complete.</summary>
    private static ScanRows MakeScan(SyntheticOptions options, string folder, int index)
    {
        var uid = SyntheticIdentity.SeriesUid(options.Seed, options.Size, index);
        var path = ScanPath(folder, SyntheticIdentity.Subset(index), uid);
        if (File.Exists(path))
        {
            var described = PhantomGenerator.Describe(options, index);
            if (IsComplete(path, described.Scan.Size.VoxelCount))
            {
                return ScanRows.Of(described, reused: true);
            }
        }

        var generated = PhantomGenerator.Generate(options, index);
        MetaImageWriter.Write(generated.Scan, path);
        return ScanRows.Of(generated, reused: false);
    }

    /// <summary>True when the header exists (it is written last) and the raw data holds every voxel.</summary>
    private static bool IsComplete(string mhdPath, long voxels)
    {
        var raw = Path.ChangeExtension(mhdPath, ".raw");
        return File.Exists(mhdPath) && File.Exists(raw) && new FileInfo(raw).Length == voxels * sizeof(short);
    }

    private static void WriteLists(string folder, IReadOnlyList<ScanRows> scans)
    {
        AnnotationCsv.Write(Path.Combine(folder, AnnotationsFile), scans.SelectMany(s => s.Annotations));
        AnnotationCsv.Write(Path.Combine(folder, ExcludedFile), scans.SelectMany(s => s.Excluded));
        CandidateCsv.Write(Path.Combine(folder, CandidatesFile), scans.SelectMany(s => s.Candidates));
        SeriesUidList.Write(Path.Combine(folder, SeriesUidsFile), scans.Select(s => s.SeriesUid));
    }

    private static SyntheticDatasetSummary Summarise(IReadOnlyList<ScanRows> scans, int unlisted)
    {
        var subsets = Enumerable.Range(0, SyntheticIdentity.SubsetCount).Select(subset =>
        {
            var inSubset = scans.Where(s => s.Subset == subset).ToList();
            return new SyntheticSubsetSummary(
                subset,
                inSubset.Count,
                inSubset.Sum(s => s.Annotations.Count),
                inSubset.Sum(s => s.Excluded.Count),
                inSubset.Sum(s => s.Candidates.Count(c => c.Class == 1)),
                inSubset.Sum(s => s.Candidates.Count(c => c.Class == 0)));
        }).ToList();
        return new SyntheticDatasetSummary(subsets, scans.Count(s => s.Reused), unlisted);
    }

    /// <summary>Scans in the subset folders that this data set does not list (left by another seed or size).</summary>
    private static int CountUnlisted(string folder, IReadOnlyList<ScanRows> scans)
    {
        var listed = scans.Select(s => s.SeriesUid).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, SyntheticIdentity.SubsetCount)
            .SelectMany(subset => Directory.EnumerateFiles(SubsetFolder(folder, subset), "*.mhd"))
            .Count(path => !listed.Contains(Path.GetFileNameWithoutExtension(path)));
    }

    /// <summary>A scan's list rows without its voxels, so that a large data set's lists fit in memory.</summary>
    private sealed record ScanRows(
        string SeriesUid,
        int Subset,
        bool Reused,
        IReadOnlyList<Annotation> Annotations,
        IReadOnlyList<Annotation> Excluded,
        IReadOnlyList<Candidate> Candidates)
    {
        public static ScanRows Of(SyntheticScan scan, bool reused) => new(
            scan.Scan.SeriesUid, scan.Subset, reused, scan.Annotations, scan.Excluded, scan.Candidates);
    }
}
