using LunaFpr.Candidates;

namespace LunaFpr.Patches;

/// <summary>
/// A patch store on disk, opened for reading: every cube of every prepared subset as int16 HU, read straight from
/// memory-mapped data files (see <see cref="PatchStoreLayout"/> for the files). Entries are ordered by subset,
/// then series as listed in the subset's <c>seriesuids.csv</c>, then index row.
/// <see cref="ReadCube(int, Span{short})"/> is safe from many threads.
/// <see cref="SeriesPatchWriter"/> writes what this reads.
/// </summary>
public sealed class PatchStore : IPatchSource, IDisposable
{
    private readonly List<MappedCubeFile> files;
    private readonly int[] fileOfEntry;
    private readonly int[] ordinalOfEntry;
    private readonly Dictionary<int, IReadOnlyList<string>> seriesUids;
    private volatile bool disposed;

    private PatchStore(
        string directory,
        PatchStoreManifest manifest,
        List<PatchEntry> entries,
        List<MappedCubeFile> files,
        int[] fileOfEntry,
        int[] ordinalOfEntry,
        Dictionary<int, IReadOnlyList<string>> seriesUids)
    {
        Directory = directory;
        Manifest = manifest;
        Entries = entries;
        this.files = files;
        this.fileOfEntry = fileOfEntry;
        this.ordinalOfEntry = ordinalOfEntry;
        this.seriesUids = seriesUids;
    }

    /// <summary>The store's folder.</summary>
    public string Directory { get; }

    public PatchStoreManifest Manifest { get; }

    /// <summary>Size of every cube, (z, y, x); 26 × 40 × 40 unless prepared otherwise.</summary>
    public CubeShape CubeShape => Manifest.CubeShape;

    /// <summary>Every cube: series, subset, kind, world centre (x, y, z) mm and voxel centre (z, y, x).</summary>
    public IReadOnlyList<PatchEntry> Entries { get; }

    /// <summary>LUNA16 subsets in the store, ascending.</summary>
    public IReadOnlyList<int> Subsets => Manifest.Subsets;

    /// <summary>The store's copy of the <c>annotations.csv</c> it was built from.</summary>
    public string AnnotationsPath => PatchStoreLayout.Annotations(Directory);

    /// <summary>The store's copy of <c>annotations_excluded.csv</c>; null if it was built without one.</summary>
    public string? ExcludedAnnotationsPath =>
        File.Exists(PatchStoreLayout.Excluded(Directory)) ? PatchStoreLayout.Excluded(Directory) : null;

    /// <summary>The nodules of the store's copy of <c>annotations.csv</c>.</summary>
    public IReadOnlyList<Annotation> ReadAnnotations() => AnnotationCsv.Read(AnnotationsPath);

    /// <summary>The findings of the store's copy of <c>annotations_excluded.csv</c>; empty if it has none.</summary>
    public IReadOnlyList<Annotation> ReadExcludedAnnotations() =>
        ExcludedAnnotationsPath is { } path ? AnnotationCsv.Read(path) : [];

    /// <summary>Opens the store in <paramref name="directory"/>, checking the manifest and data file sizes.</summary>
    /// <exception cref="FileNotFoundException">No manifest, or a listed series was never finished.</exception>
    /// <exception cref="InvalidDataException">
    /// Another format version, a bad index, or a data file whose size does not match its index (truncated).
    /// </exception>
    public static PatchStore Open(string directory)
    {
        var manifest = PatchStoreManifest.Load(PatchStoreLayout.Manifest(directory));
        var cubeBytes = (long)manifest.CubeShape.VoxelCount * sizeof(short);
        var entries = new List<PatchEntry>();
        var files = new List<MappedCubeFile>();
        var fileOfEntry = new List<int>();
        var ordinalOfEntry = new List<int>();
        var uidsBySubset = new Dictionary<int, IReadOnlyList<string>>();
        try
        {
            foreach (var subset in manifest.Subsets)
            {
                var uids = ReadSeriesUids(directory, subset);
                uidsBySubset[subset] = uids;
                foreach (var uid in uids)
                {
                    var series = ReadSeriesIndex(directory, subset, uid);
                    var dataPath = PatchStoreLayout.SeriesData(directory, subset, uid);
                    var length = CheckedLength(dataPath, series.Count, cubeBytes, manifest.CubeShape);
                    files.Add(new MappedCubeFile(dataPath, length));
                    for (var i = 0; i < series.Count; i++)
                    {
                        fileOfEntry.Add(files.Count - 1);
                        ordinalOfEntry.Add(i);
                    }

                    entries.AddRange(series);
                }
            }
        }
        catch
        {
            files.ForEach(f => f.Dispose());
            throw;
        }

        return new PatchStore(directory, manifest, entries, files, fileOfEntry.ToArray(), ordinalOfEntry.ToArray(),
            uidsBySubset);
    }

    /// <summary>Path of the list of series (one UID a line) that have a scan in <paramref name="subset"/>.</summary>
    public string SeriesUidsPath(int subset) => PatchStoreLayout.SeriesUids(Directory, subset);

    /// <summary>The series that have a scan in <paramref name="subset"/>, also those without any cube.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The subset is not in the store.</exception>
    public IReadOnlyList<string> SeriesUids(int subset) =>
        seriesUids.TryGetValue(subset, out var uids)
            ? uids
            : throw new ArgumentOutOfRangeException(nameof(subset), subset,
                $"The store in '{Directory}' holds subsets {string.Join(", ", Subsets)} only.");

    /// <summary>Cubes of each kind per subset.</summary>
    public IReadOnlyDictionary<int, PatchCounts> CountsBySubset() =>
        Entries.GroupBy(e => e.Subset).ToDictionary(g => g.Key, PatchCounts.Of);

    /// <summary>Cubes of each kind per series UID.</summary>
    public IReadOnlyDictionary<string, PatchCounts> CountsBySeries() =>
        Entries.GroupBy(e => e.SeriesUid).ToDictionary(g => g.Key, PatchCounts.Of);

    /// <inheritdoc />
    public void ReadCube(int entryIndex, Span<short> destination)
    {
        ObjectDisposedException.ThrowIf(disposed, this); // the maps are gone: reading them would crash the process
        if ((uint)entryIndex >= (uint)Entries.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(entryIndex), entryIndex,
                $"The store holds {Entries.Count} cubes.");
        }

        var voxels = CubeShape.VoxelCount;
        if (destination.Length < voxels)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; a cube has {voxels}.");
        }

        var offset = (long)ordinalOfEntry[entryIndex] * voxels * sizeof(short);
        files[fileOfEntry[entryIndex]].Read(offset, destination[..voxels]);
    }

    /// <summary>Cube <paramref name="entryIndex"/> in a new array, int16 HU (z, y, x).</summary>
    public short[] ReadCube(int entryIndex)
    {
        var cube = new short[CubeShape.VoxelCount];
        ReadCube(entryIndex, cube);
        return cube;
    }

    /// <summary>Unmaps the data files; cubes cannot be read afterwards.</summary>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            files.ForEach(f => f.Dispose());
        }
    }

    private static IReadOnlyList<string> ReadSeriesUids(string directory, int subset)
    {
        var path = PatchStoreLayout.SeriesUids(directory, subset);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"'{path}' is missing, so subset {subset} of the store is unfinished. Run `lunafpr prepare` again "
                + "with the same options to finish it.", path);
        }

        return SeriesUidList.Read(path);
    }

    private static List<PatchEntry> ReadSeriesIndex(string directory, int subset, string uid)
    {
        if (uid is "." or ".." || uid.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            throw new InvalidDataException(
                $"'{PatchStoreLayout.SeriesUids(directory, subset)}' lists '{uid}', which is no series UID (it would "
                + "name a file outside the store). Rebuild the store with `lunafpr prepare --force`.");
        }

        var path = PatchStoreLayout.SeriesIndex(directory, subset, uid);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"'{path}' is missing: series {uid} of subset {subset} was never finished. Run `lunafpr prepare` "
                + "again with the same options to finish the store.", path);
        }

        return PatchIndexCsv.Read(path, subset);
    }

    private static long CheckedLength(string dataPath, int cubes, long cubeBytes, CubeShape shape)
    {
        var length = File.Exists(dataPath) ? new FileInfo(dataPath).Length : -1;
        if (length != cubes * cubeBytes)
        {
            throw new InvalidDataException(
                $"'{dataPath}' holds {length} bytes but its index lists {cubes} cubes of {shape} int16 "
                + $"({cubes * cubeBytes} bytes): the file is truncated or from another run. Run `lunafpr prepare` "
                + "again with the same options to redo that series.");
        }

        return length;
    }
}
