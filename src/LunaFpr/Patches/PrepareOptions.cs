using LunaFpr.Imaging;

namespace LunaFpr.Patches;

/// <summary>Settings of one <c>prepare</c> run (SPEC §2).</summary>
/// <param name="Luna16Directory">Folder holding subset0 … subset9 with <c>UID.mhd</c> scans.</param>
/// <param name="CandidatesPath">The candidate list the candidates were read from (recorded and hashed).</param>
/// <param name="AnnotationsPath">annotations.csv the nodules were read from; copied into the store.</param>
/// <param name="ExcludedPath">annotations_excluded.csv, copied into the store when given.</param>
/// <param name="OutputDirectory">The patch store folder; created if missing.</param>
public sealed record PrepareOptions(
    string Luna16Directory,
    string CandidatesPath,
    string AnnotationsPath,
    string? ExcludedPath,
    string OutputDirectory)
{
    /// <summary>Subsets to prepare; default all ten.</summary>
    public IReadOnlyList<int> Subsets { get; init; } = Enumerable.Range(0, Luna16Scans.SubsetCount).ToArray();

    /// <summary>Scans processed at once, each with one scan in memory; default 1.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Seed of the positive resampling; default 0.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Most resampled positives one plane of a nodule keeps, on top of the SPEC's rule; null (default) for the
    /// rule alone.
    /// </summary>
    public int? PlaneCap { get; init; }

    /// <summary>Cube size (z, y, x); default 26 × 40 × 40.</summary>
    public CubeShape CubeShape { get; init; } = CubeShape.Default;

    /// <summary>Redo finished series instead of skipping them.</summary>
    public bool Force { get; init; }

    /// <summary>Checks the values a user can get wrong.</summary>
    /// <exception cref="ArgumentException">A subset outside 0–9, fewer than one worker, or an empty cube.</exception>
    public void Validate()
    {
        if (Subsets.Count == 0 || Subsets.Any(s => s is < 0 or >= Luna16Scans.SubsetCount))
        {
            throw new ArgumentException(
                $"Subsets must be one or more of 0 … 9, got [{string.Join(", ", Subsets)}].");
        }

        if (Workers < 1)
        {
            throw new ArgumentException($"Workers must be at least 1, got {Workers}.");
        }

        if (PlaneCap is < 1)
        {
            throw new ArgumentException($"The plane cap must be at least 1 resampled point, got {PlaneCap}.");
        }

        if (CubeShape.Z < 1 || CubeShape.Y < 1 || CubeShape.X < 1)
        {
            throw new ArgumentException($"Every side of the cube must be at least 1 voxel, got {CubeShape}.");
        }
    }
}

/// <summary>How far a <c>prepare</c> run has got; reported after every series.</summary>
/// <param name="ScansDone">Series finished or skipped as already finished.</param>
/// <param name="ScansTotal">Series of the chosen subsets.</param>
/// <param name="CubesWritten">Cubes cut and written by this run (skipped series excluded).</param>
public readonly record struct PrepareProgress(int ScansDone, int ScansTotal, long CubesWritten);

/// <summary>What a <c>prepare</c> run produced.</summary>
/// <param name="CountsBySubset">Cubes per kind in each chosen subset, finished and skipped series together.</param>
/// <param name="ScansPrepared">Series cut by this run.</param>
/// <param name="ScansSkipped">Series already finished by an earlier run, left as they were.</param>
/// <param name="CandidatesWithoutScan">Candidates whose series has no scan in any subset folder.</param>
/// <param name="SeriesWithoutScan">Distinct series among those candidates.</param>
/// <param name="UnmatchedPositives">Class-1 candidates in no annotated nodule (not resampled).</param>
/// <param name="CentresOutsideScan">Points whose voxel centre lies outside their scan (cube all fill).</param>
public sealed record PrepareResult(
    IReadOnlyDictionary<int, PatchCounts> CountsBySubset,
    int ScansPrepared,
    int ScansSkipped,
    int CandidatesWithoutScan,
    int SeriesWithoutScan,
    int UnmatchedPositives,
    int CentresOutsideScan);
