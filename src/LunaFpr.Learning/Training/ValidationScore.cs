using LunaFpr.Evaluation;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Training;

/// <summary>Turns the validation subset's log-probabilities into <see cref="ValidationMetrics"/>.</summary>
internal static class ValidationScore
{
    /// <param name="entries">All entries of the source.</param>
    /// <param name="indices">The validation entries scored, in order.</param>
    /// <param name="logProbabilities">[N · 2]: log p(not nodule), log p(nodule) per scored entry.</param>
    /// <param name="cpm">Computes the CPM of the scored candidates, when annotations are available.</param>
    /// <param name="elapsed">Time the scoring took.</param>
    public static ValidationMetrics From(
        IReadOnlyList<PatchEntry> entries,
        IReadOnlyList<int> indices,
        float[] logProbabilities,
        Func<IReadOnlyList<ScoredCandidate>, double?>? cpm,
        TimeSpan elapsed)
    {
        var count = indices.Count;
        var probabilities = new double[count];
        var isNodule = new bool[count];
        var (lossSum, correct) = (0.0, 0);
        for (var i = 0; i < count; i++)
        {
            isNodule[i] = entries[indices[i]].Kind != PatchKind.Negative;
            var logNot = logProbabilities[2 * i];
            var logYes = logProbabilities[2 * i + 1];
            probabilities[i] = Math.Exp(logYes);
            lossSum -= isNodule[i] ? logYes : logNot;
            correct += (logYes > logNot) == isNodule[i] ? 1 : 0;
        }

        var scored = indices
            .Select((entry, i) => new ScoredCandidate(
                entries[entry].SeriesUid, entries[entry].CenterWorldMm, probabilities[i]))
            .ToList();
        var positives = isNodule.Count(p => p);
        return new ValidationMetrics(
            lossSum / count, (double)correct / count, RocAuc.Compute(probabilities, isNodule), cpm?.Invoke(scored),
            positives, count - positives, elapsed);
    }
}
