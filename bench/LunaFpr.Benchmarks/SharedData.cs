namespace LunaFpr.Benchmarks;

/// <summary>Paths into the read-only real data beside the repository (<c>shared/data</c>).</summary>
internal static class SharedData
{
    public const string RealSeriesUid = "1.3.6.1.4.1.14519.5.2.1.6279.6001.179049373636438705059720603192";

    /// <summary>The real LIDC-IDRI-0001 scan as zlib MetaImage.</summary>
    public static string RealScanMhd => Path.Combine(Folder, "lidc-idri-0001", "mhd", RealSeriesUid + ".mhd");

    /// <summary>
    /// <c>shared/data</c> beside the folder holding LunaFpr.sln, or beside one of its parents (a git worktree).
    /// </summary>
    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LunaFpr.sln")))
            {
                dir = dir.Parent;
            }

            for (var above = dir?.Parent; above is not null; above = above.Parent)
            {
                var data = Path.Combine(above.FullName, "shared", "data");
                if (Directory.Exists(data))
                {
                    return data;
                }
            }

            throw new DirectoryNotFoundException(
                $"No shared/data folder beside the repository above {AppContext.BaseDirectory}.");
        }
    }
}
