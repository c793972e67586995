namespace LunaFpr.Learning.Training;

/// <summary>
/// Area under the ROC curve, computed by hand as the Mann–Whitney statistic (no library here offers it): the chance
/// that a random positive scores above a random negative, ties counting one half.
/// </summary>
public static class RocAuc
{
    /// <summary>
    /// AUC of <paramref name="scores"/> against <paramref name="isPositive"/>; null if a class is empty.
    /// </summary>
    public static double? Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> isPositive)
    {
        if (scores.Count != isPositive.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {isPositive.Count} labels.");
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        long positives = isPositive.Count(p => p);
        long negatives = scores.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        // Sum of the positives' ranks, tied scores sharing their mean rank (ranks from 1).
        var positiveRankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var meanRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
            {
                if (isPositive[order[k]])
                {
                    positiveRankSum += meanRank;
                }
            }

            start = end + 1;
        }

        var u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }
}
