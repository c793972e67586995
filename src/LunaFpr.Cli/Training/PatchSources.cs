using LunaFpr.Patches;

namespace LunaFpr.Cli.Training;

/// <summary>Opens the patch store that <c>lunafpr prepare</c> writes, as the source training reads.</summary>
internal static class PatchSources
{
    /// <summary>Opens the store in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">When the folder does not exist.</exception>
    public static IPatchSource Open(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"Patch store '{directory}' does not exist; create one with lunafpr prepare.");
        }

        // TODO: this build has no reader of the on-disk patch store yet, so training runs only from sources built
        // in code (tests, benchmarks); the store reader arrives with lunafpr prepare.
        throw new NotSupportedException(
            $"Cannot read the patch store '{directory}': this build lacks the patch store reader of lunafpr prepare.");
    }
}
