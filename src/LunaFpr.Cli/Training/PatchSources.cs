using LunaFpr.Evaluation;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using Microsoft.Extensions.Logging;

namespace LunaFpr.Cli.Training;

/// <summary>Opens the patch store that <c>lunafpr prepare</c> writes, and what validation needs from it.</summary>
internal static class PatchSources
{
    /// <summary>Opens the store in <paramref name="directory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">When the folder does not exist.</exception>
    public static IPatchSource Open(string directory) => Directory.Exists(directory)
        ? PatchStore.Open(directory)
        : throw new DirectoryNotFoundException(
            $"Patch store '{directory}' does not exist; create one with lunafpr prepare.");

    /// <summary>
    /// The CPM of the validation subset against the store's copy of the annotations, restricted to that subset's
    /// scans; null when the source is not a store or the store lacks the subset.
    /// </summary>
    public static Func<IReadOnlyList<ScoredCandidate>, double?>? ValidationCpm(
        IPatchSource source,
        FoldSplit split,
        ILogger logger)
    {
        if (source is not PatchStore store || !store.Subsets.Contains(split.ValidationSubset))
        {
            return null;
        }

        return Learning.Training.ValidationCpm.For(store.ReadAnnotations(), store.ReadExcludedAnnotations(),
            store.SeriesUids(split.ValidationSubset), logger);
    }
}
