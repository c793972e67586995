using System.Globalization;
using LunaFpr.Candidates;

namespace LunaFpr.Evaluation;

/// <summary>
/// The evaluator's reasons to distrust a score, in plain words with the fix. The commonest way to get an absurd
/// CPM is to score one fold's predictions against all 888 scans; it shows here as scans without candidates.
/// </summary>
internal static class FrocWarnings
{
    public static IReadOnlyList<string> Collect(
        FrocCounts counts,
        FrocTally tally,
        FrocEntries entries,
        IReadOnlyList<string> seriesUids,
        List<ScoredCandidate>[] rows,
        HashSet<string> outsideScans,
        FrocOptions options,
        BootstrapBand? bootstrap)
    {
        var warnings = new List<string>();
        if (counts.ScansWithoutCandidates > 0)
        {
            var example = seriesUids[Array.FindIndex(rows, r => r.Count == 0)];
            warnings.Add($"The submission has no candidate in {counts.ScansWithoutCandidates} of the " +
                $"{counts.Scans} scans of the list (for example {example}); their nodules count as missed. " +
                "To score one fold, evaluate against that fold's scans only (--fold K --luna16 DIR).");
        }

        if (counts.OutsideList > 0)
        {
            warnings.Add($"Skipped {counts.OutsideList} rows of {outsideScans.Count} scans that are not in the list " +
                $"(for example {outsideScans.First()}), as the challenge's scoring does.");
        }

        if (counts.Misses > options.MissedNoduleWarningFraction * counts.Nodules)
        {
            warnings.Add($"{counts.Misses} of {counts.Nodules} nodules ({Percent(counts.Misses, counts.Nodules)}) " +
                "have no candidate inside them; check that the coordinates are world (x, y, z) in mm, " +
                "not voxel indices (z, y, x), and that the submission covers the list's scans.");
        }

        if (counts.Hits == 0)
        {
            warnings.Add("No candidate lies inside any nodule: the sensitivity is 0 at every rate " +
                "(the challenge's script would report NaN).");
        }

        if (tally.SharedHits > 0)
        {
            warnings.Add($"{tally.SharedHits} candidates lie inside two nodules at once and count as a hit on each, " +
                "as the challenge's scoring does; check the annotations for overlapping nodules.");
        }

        var probabilities = entries.Probabilities;
        if (probabilities.Length > 1 && probabilities[0] == probabilities[^1])
        {
            warnings.Add($"All {probabilities.Length} scored candidates have the same probability, so the FROC has " +
                "a single operating point and the CPM says little about ranking.");
        }

        if (bootstrap is not null && bootstrap.Resamples < options.BootstrapCount)
        {
            warnings.Add($"{options.BootstrapCount - bootstrap.Resamples} of {options.BootstrapCount} bootstrap " +
                "resamples drew no scan with a nodule and were left out of the band; the list is very small.");
        }
        else if (bootstrap is null && options.BootstrapCount > 0)
        {
            warnings.Add("No bootstrap resample drew a scan with a nodule; there is no confidence band.");
        }

        return warnings;
    }

    private static string Percent(int part, int whole) =>
        ((double)part / whole).ToString("P1", CultureInfo.InvariantCulture);
}
