namespace LunaFpr.Tests.Imaging;

/// <summary>Paths into the read-only real data beside the repository (<c>../shared/data</c>).</summary>
internal static class SharedData
{
    public const string RealSeriesUid = "1.3.6.1.4.1.14519.5.2.1.6279.6001.179049373636438705059720603192";

    /// <summary>The <c>shared/data</c> folder, found by walking up to the folder holding LunaFpr.sln.</summary>
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LunaFpr.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                }
            }

            throw new DirectoryNotFoundException($"No LunaFpr.sln above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The real LIDC-IDRI-0001 scan as zlib MetaImage.</summary>
    public static string RealScanMhd => Path.Combine(Folder, "lidc-idri-0001", "mhd", RealSeriesUid + ".mhd");

    public static string Annotations => Path.Combine(Folder, "luna16", "annotations.csv");
}
