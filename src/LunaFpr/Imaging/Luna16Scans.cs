namespace LunaFpr.Imaging;

/// <summary>A scan file of the LUNA16 folder layout: its subset (0–9), series UID (the file name) and path.</summary>
public sealed record ScanLocation(int Subset, string SeriesUid, string Path);

/// <summary>
/// Finds the scans of a LUNA16 folder: <c>DIR/subset0</c> … <c>DIR/subset9</c> holding <c>UID.mhd</c>.
/// </summary>
public static class Luna16Scans
{
    /// <summary>Number of LUNA16 subsets, and so of cross-validation folds.</summary>
    public const int SubsetCount = 10;

    /// <summary>
    /// Every <c>*.mhd</c> in the subset folders that exist, ordered by subset, then UID (ordinal). Missing subset
    /// folders are skipped, so a partial download works.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No folder, or none of subset0 … subset9 in it.</exception>
    /// <exception cref="InvalidDataException">One series UID appears in two subsets.</exception>
    public static IReadOnlyList<ScanLocation> Find(string luna16Directory)
    {
        var subsetDirectories = Enumerable.Range(0, SubsetCount)
            .Select(k => (Subset: k, Path: System.IO.Path.Combine(luna16Directory, $"subset{k}")))
            .Where(s => Directory.Exists(s.Path))
            .ToList();
        if (subsetDirectories.Count == 0)
        {
            throw new DirectoryNotFoundException(
                $"'{luna16Directory}' holds none of the folders subset0 … subset9; point --luna16 at the folder "
                + "that contains them.");
        }

        var scans = subsetDirectories
            .SelectMany(s => Directory.EnumerateFiles(s.Path, "*.mhd")
                .Select(path => new ScanLocation(s.Subset, System.IO.Path.GetFileNameWithoutExtension(path), path)))
            .OrderBy(s => s.Subset)
            .ThenBy(s => s.SeriesUid, StringComparer.Ordinal)
            .ToList();
        var duplicate = scans.GroupBy(s => s.SeriesUid).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException(
                $"Series {duplicate.Key} has scans in more than one subset: "
                + $"{string.Join(", ", duplicate.Select(s => s.Path))}. Keep one of them.");
        }

        return scans;
    }
}
