namespace LunaFpr.Tests;

/// <summary>Where tests find the shared real data, and a temporary folder each test writes into.</summary>
internal static class TestFiles
{
    /// <summary>
    /// The read-only shared data folder: <c>shared/data</c> beside the folder holding LunaFpr.sln, or beside one
    /// of its parents (a git worktree sits one level deeper than a clone).
    /// </summary>
    public static string SharedData { get; } = FindSharedData();

    /// <summary>The LUNA16 reference lists (annotations, excluded findings, series UIDs).</summary>
    public static string Luna16 => Path.Combine(SharedData, "luna16");

    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "LunaFpr.sln")))
            {
                continue;
            }

            for (var above = dir.Parent; above is not null; above = above.Parent)
            {
                var data = Path.Combine(above.FullName, "shared", "data");
                if (Directory.Exists(data))
                {
                    return data;
                }
            }
        }

        throw new DirectoryNotFoundException($"No shared/data beside the solution above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A fresh folder under the system temp folder, deleted with its content on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lunafpr-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> verbatim (no BOM unless it has one); returns the path.</summary>
    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content, new System.Text.UTF8Encoding(false));
        return path;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
