namespace LunaFpr.Patches;

/// <summary>
/// Where each file of a patch store lives, so the writer and the reader never glue paths apart:
/// <code>
/// STORE/manifest.json                  settings, format version, source files
/// STORE/annotations.csv                copy of the nodule list the store was built from
/// STORE/annotations_excluded.csv       copy of the excluded findings, when given
/// STORE/subsetK/seriesuids.csv         series with a scan in subset K, one UID a line
/// STORE/subsetK/counts.csv             cubes per series and kind
/// STORE/subsetK/UID.csv                index: one row per cube, in data-file order
/// STORE/subsetK/UID.cubes              int16 little-endian HU, cube after cube, (z, y, x) within a cube
/// </code>
/// </summary>
public static class PatchStoreLayout
{
    public const string ManifestFileName = "manifest.json";
    public const string AnnotationsFileName = "annotations.csv";
    public const string ExcludedFileName = "annotations_excluded.csv";
    public const string SeriesUidsFileName = "seriesuids.csv";
    public const string CountsFileName = "counts.csv";

    /// <summary>Suffix of files being written; they are renamed into place when complete.</summary>
    public const string TemporarySuffix = ".tmp";

    public static string Manifest(string store) => Path.Combine(store, ManifestFileName);

    public static string Annotations(string store) => Path.Combine(store, AnnotationsFileName);

    public static string Excluded(string store) => Path.Combine(store, ExcludedFileName);

    public static string SubsetDirectory(string store, int subset) => Path.Combine(store, $"subset{subset}");

    public static string SeriesUids(string store, int subset) =>
        Path.Combine(SubsetDirectory(store, subset), SeriesUidsFileName);

    public static string Counts(string store, int subset) =>
        Path.Combine(SubsetDirectory(store, subset), CountsFileName);

    public static string SeriesIndex(string store, int subset, string seriesUid) =>
        Path.Combine(SubsetDirectory(store, subset), seriesUid + ".csv");

    public static string SeriesData(string store, int subset, string seriesUid) =>
        Path.Combine(SubsetDirectory(store, subset), seriesUid + ".cubes");

    /// <summary>The temporary name a file is written under before it is renamed to <paramref name="path"/>.</summary>
    public static string Temporary(string path) => path + TemporarySuffix;
}
