using LunaFpr.Patches;

namespace LunaFpr.Cli.Training;

/// <summary>Opens the patch store that <c>lunafpr prepare</c> writes, as the source training reads.</summary>
internal static class PatchSources
{
    /// <summary>Opens the store in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">When the folder does not exist.</exception>
    /// <exception cref="InvalidDataException">A wrong format version or a truncated data file.</exception>
    public static IPatchSource Open(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Patch store '{directory}' does not exist; create one with lunafpr prepare.");
        }

        return PatchStore.Open(directory); // left open for the process: training reads it to the end
    }
}
