using LunaFpr.IO;
using Microsoft.Extensions.Logging;

namespace LunaFpr.Patches;

/// <summary>
/// Sets up the folder of a patch store before <c>prepare</c> writes series into it: refuses a folder that is
/// neither empty nor a store, checks that an existing store was built from the same inputs and settings (or,
/// with force, clears what would be stale), writes the manifest, copies the annotation lists and removes
/// temporary files a killed run left behind.
/// </summary>
internal sealed class PatchStoreFolder(PrepareOptions options, ILogger log)
{
    private string Store => options.OutputDirectory;

    public void Open()
    {
        Directory.CreateDirectory(Store);
        var wanted = PatchStoreManifest.Create(
            options.CubeShape, options.Seed, options.Subsets, DescribeSources(), options.PlaneCap);
        var subsets = SubsetsToKeep(wanted);
        (wanted with { Subsets = subsets }).Save(PatchStoreLayout.Manifest(Store));

        CopyAtomically(options.AnnotationsPath, PatchStoreLayout.Annotations(Store));
        if (options.ExcludedPath is not null)
        {
            CopyAtomically(options.ExcludedPath, PatchStoreLayout.Excluded(Store));
        }
        else
        {
            File.Delete(PatchStoreLayout.Excluded(Store)); // a copy from an earlier run would not match this one
        }

        RemoveLeftovers();
    }

    /// <summary>
    /// The subsets the manifest will list: the wanted ones plus those an earlier run of the same settings made.
    /// With other settings, only force goes on, and it deletes the earlier subsets that this run does not redo.
    /// </summary>
    private List<int> SubsetsToKeep(PatchStoreManifest wanted)
    {
        var manifestPath = PatchStoreLayout.Manifest(Store);
        if (!File.Exists(manifestPath))
        {
            if (Directory.EnumerateFileSystemEntries(Store).Any())
            {
                throw new IOException(
                    $"'{Store}' is not empty and holds no {PatchStoreLayout.ManifestFileName}, so it is no patch "
                    + "store. Choose a new or empty folder for --out.");
            }

            return wanted.Subsets.ToList();
        }

        var existing = PatchStoreManifest.Load(manifestPath);
        var difference = Difference(existing, wanted);
        if (difference is null)
        {
            return wanted.Subsets.Union(existing.Subsets).Order().ToList();
        }

        if (!options.Force)
        {
            throw new InvalidDataException(
                $"'{manifestPath}' belongs to a store built with {difference}. Run with --force to rebuild it "
                + "with the new settings, or choose another --out.");
        }

        log.LogWarning("Rebuilding the store in {Store}: {Difference}.", Store, difference);
        existing.Subsets.Except(wanted.Subsets).ToList().ForEach(DeleteSubset);
        return wanted.Subsets.ToList();
    }

    private PatchStoreSources DescribeSources() => new(
        Path.GetFullPath(options.Luna16Directory),
        SourceFile.Of(options.CandidatesPath),
        SourceFile.Of(options.AnnotationsPath),
        options.ExcludedPath is null ? null : SourceFile.Of(options.ExcludedPath));

    /// <summary>What makes the existing store's cubes differ from the wanted ones; null if nothing does.</summary>
    private static string? Difference(PatchStoreManifest existing, PatchStoreManifest wanted)
    {
        var differences = new List<string>();
        if (existing.CubeShape != wanted.CubeShape)
        {
            differences.Add($"cube {existing.CubeShape} instead of {wanted.CubeShape}");
        }

        if (existing.Seed != wanted.Seed)
        {
            differences.Add($"seed {existing.Seed} instead of {wanted.Seed}");
        }

        if (existing.PlaneCap != wanted.PlaneCap)
        {
            differences.Add($"plane cap {existing.PlaneCap?.ToString() ?? "none"} instead of "
                + $"{wanted.PlaneCap?.ToString() ?? "none"}");
        }

        if (existing.Sources.Candidates.Sha256 != wanted.Sources.Candidates.Sha256)
        {
            differences.Add($"another candidate list ({existing.Sources.Candidates.Path})");
        }

        if (existing.Sources.Annotations.Sha256 != wanted.Sources.Annotations.Sha256)
        {
            differences.Add($"another annotation list ({existing.Sources.Annotations.Path})");
        }

        return differences.Count == 0 ? null : string.Join(", ", differences);
    }

    private void DeleteSubset(int subset)
    {
        var directory = PatchStoreLayout.SubsetDirectory(Store, subset);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void RemoveLeftovers()
    {
        foreach (var file in Directory.EnumerateFiles(Store, "*" + PatchStoreLayout.TemporarySuffix,
                     SearchOption.AllDirectories))
        {
            File.Delete(file);
        }
    }

    private static void CopyAtomically(string source, string target)
    {
        using var input = File.OpenRead(source);
        AtomicFile.Write(target, input.CopyTo);
    }
}
