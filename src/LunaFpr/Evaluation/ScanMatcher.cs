using LunaFpr.Candidates;

namespace LunaFpr.Evaluation;

/// <summary>
/// The challenge's per-scan rules: cap the candidates, match them to nodules and excluded findings, and tally
/// hits, misses, false positives and ignored candidates. Distances are compared squared, as the challenge's
/// script does, so a candidate exactly at the radius is not a hit.
/// </summary>
internal static class ScanMatcher
{
    /// <summary>An excluded finding of unknown size (diameter −1) counts as 10 mm across.</summary>
    public const double UnknownDiameterMm = 10;

    private const byte Free = 0;
    private const byte OnNodule = 1;
    private const byte OnExcluded = 2;

    /// <summary>
    /// Keeps at most <paramref name="cap"/> candidates (0 = all): those scoring strictly above the (cap + 1)-th
    /// highest probability, as the challenge's script does; file order is kept.
    /// </summary>
    public static List<ScoredCandidate> Cap(List<ScoredCandidate> rows, int cap)
    {
        if (cap == 0 || rows.Count <= cap)
        {
            return rows;
        }

        var sorted = rows.Select(r => r.Probability).ToArray();
        Array.Sort(sorted);
        var threshold = sorted[rows.Count - 1 - cap];
        return rows.Where(r => r.Probability > threshold).ToList();
    }

    /// <summary>
    /// Matches one scan's kept candidates. Nodules come first: a candidate inside a nodule is a hit even when it
    /// also lies in an excluded finding, and a candidate inside two nodules hits both. Candidates left over inside
    /// an excluded finding are ignored; the rest are false positives.
    /// </summary>
    public static void Match(
        int scan,
        IReadOnlyList<ScoredCandidate> kept,
        IReadOnlyList<Annotation> nodules,
        IReadOnlyList<Annotation> excluded,
        FrocTally tally)
    {
        var state = new byte[kept.Count];
        tally.Candidates += kept.Count;
        foreach (var nodule in nodules)
        {
            var matches = 0;
            var best = double.NegativeInfinity;
            for (var i = 0; i < kept.Count; i++)
            {
                if (!IsInside(kept[i], nodule))
                {
                    continue;
                }

                matches++;
                best = Math.Max(best, kept[i].Probability);
                tally.SharedHits += state[i] == OnNodule ? 1 : 0;
                state[i] = OnNodule;
            }

            if (matches == 0)
            {
                tally.AddMiss(scan, nodule);
                continue;
            }

            tally.ExtraHits += matches - 1;
            tally.AddHit(scan, best);
        }

        foreach (var finding in excluded)
        {
            for (var i = 0; i < kept.Count; i++)
            {
                if (state[i] == Free && IsInside(kept[i], finding))
                {
                    state[i] = OnExcluded;
                    tally.Ignored++;
                }
            }
        }

        for (var i = 0; i < kept.Count; i++)
        {
            if (state[i] == Free)
            {
                tally.AddFalsePositive(scan, kept[i].Probability);
            }
        }
    }

    /// <summary>Distance from the candidate to the centre strictly below the radius, both squared.</summary>
    private static bool IsInside(ScoredCandidate candidate, Annotation annotation)
    {
        var diameter = annotation.DiameterMm < 0 ? UnknownDiameterMm : annotation.DiameterMm;
        var radius = diameter / 2;
        var dx = annotation.CenterWorldMm.X - candidate.CenterWorldMm.X;
        var dy = annotation.CenterWorldMm.Y - candidate.CenterWorldMm.Y;
        var dz = annotation.CenterWorldMm.Z - candidate.CenterWorldMm.Z;
        return dx * dx + dy * dy + dz * dz < radius * radius;
    }
}
