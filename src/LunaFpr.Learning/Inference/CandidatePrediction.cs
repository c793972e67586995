using LunaFpr.Evaluation;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Inference;

/// <summary>
/// Turns scored cubes into LUNA16 submission rows (SPEC §5): the candidates' own world centres with the network's
/// nodule probability.
/// </summary>
public static class CandidatePrediction
{
    /// <summary>
    /// Indices of the cubes a fold is judged on: every original candidate (negatives and original positives) of
    /// subset <paramref name="fold"/>, never the resampled positives, which exist only for training.
    /// </summary>
    public static IReadOnlyList<int> TestEntries(IPatchSource source, int fold)
    {
        var entries = source.Entries;
        var selected = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Subset == fold && entries[i].Kind != PatchKind.ResampledPositive)
            {
                selected.Add(i);
            }
        }

        return selected;
    }

    /// <summary>
    /// Scores <paramref name="entryIndices"/> of <paramref name="source"/> as submission rows, in order.
    /// </summary>
    /// <param name="scorer">The trained network and its batch size.</param>
    /// <param name="source">The cubes, e.g. the patch store or a scan's <see cref="ScanPatchSource"/>.</param>
    /// <param name="entryIndices">Which entries of <paramref name="source"/> to score.</param>
    /// <param name="progress">Receives the number of cubes scored so far.</param>
    /// <param name="cancel">Stops between batches.</param>
    public static IReadOnlyList<ScoredCandidate> Predict(
        NoduleScorer scorer,
        IPatchSource source,
        IReadOnlyList<int> entryIndices,
        IProgress<int>? progress = null,
        CancellationToken cancel = default)
    {
        var probabilities = scorer.Score(source, entryIndices, progress, cancel);
        var rows = new ScoredCandidate[entryIndices.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            var entry = source.Entries[entryIndices[i]];
            rows[i] = new ScoredCandidate(entry.SeriesUid, entry.CenterWorldMm, probabilities[i]);
        }

        return rows;
    }
}
