namespace LunaFpr.Tests.Imaging.Dicom;

/// <summary>Paths of the real LIDC-IDRI-0001 scan in the shared data folder beside the repository.</summary>
internal static class LidcData
{
    public const string SeriesUid = "1.3.6.1.4.1.14519.5.2.1.6279.6001.179049373636438705059720603192";

    public static string DicomFolder => Path.Combine(SharedData, "lidc-idri-0001", "dicom");

    public static string MetaImage => Path.Combine(SharedData, "lidc-idri-0001", "mhd", SeriesUid + ".mhd");

    /// <summary>
    /// <c>shared/data</c> next to the folder holding LunaFpr.sln, or next to one of its parents (a worktree
    /// sits one level deeper than the main checkout).
    /// </summary>
    private static string SharedData
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LunaFpr.sln")))
            {
                dir = dir.Parent;
            }

            for (var up = dir?.Parent; up is not null; up = up.Parent)
            {
                var candidate = Path.Combine(up.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException(
                $"No shared/data beside the repository above {AppContext.BaseDirectory}; the real-scan tests need it.");
        }
    }
}
