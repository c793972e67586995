namespace LunaFpr.Evaluation;

/// <summary>
/// The scans of one LUNA16 fold: the series whose <c>.mhd</c> headers lie in <c>subset</c>K of the LUNA16 folder.
/// Evaluating a fold's predictions against these scans only is what keeps its CPM honest.
/// </summary>
public static class FoldScans
{
    /// <summary>Series UIDs of <c>luna16Folder/subset{fold}/*.mhd</c>, sorted ordinally.</summary>
    /// <exception cref="DirectoryNotFoundException">The subset folder does not exist.</exception>
    /// <exception cref="InvalidDataException">The subset folder holds no .mhd file.</exception>
    public static IReadOnlyList<string> Read(string luna16Folder, int fold)
    {
        if (fold is < 0 or > 9)
        {
            throw new ArgumentException($"Fold {fold} does not exist; LUNA16 has folds 0 to 9.");
        }

        var subset = Path.Combine(luna16Folder, $"subset{fold}");
        if (!Directory.Exists(subset))
        {
            throw new DirectoryNotFoundException(
                $"No folder '{subset}'; give the LUNA16 folder that holds subset0 … subset9.");
        }

        var uids = Directory.EnumerateFiles(subset, "*.mhd")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (uids.Length == 0)
        {
            throw new InvalidDataException($"'{subset}' holds no .mhd scan; is it the right folder?");
        }

        return uids;
    }
}
