using LunaFpr.Candidates;

namespace LunaFpr.Evaluation;

/// <summary>
/// Scores a submission with the LUNA16 protocol and agrees with the challenge's script
/// (<c>noduleCADEvaluationLUNA16.py</c>) on every count, curve point, sensitivity and the CPM:
/// only the scans of the list count (rows of other scans are skipped, their number is the FP divisor);
/// each scan keeps its 100 highest-scoring candidates; a candidate hits a nodule when its distance to the centre
/// is strictly below the radius; several hits on a nodule count once, at the highest probability; candidates on
/// excluded findings (diameter −1 read as 10 mm) are ignored; nodules without a candidate stay in the denominator.
/// Where the script would divide by zero the evaluator reports 0 (no hit at all) or refuses (no nodule at all).
/// The bootstrap band matches the script's method but not its random draws (it is seeded here, not there).
/// </summary>
public static class FrocEvaluator
{
    /// <summary>Scores <paramref name="submission"/> against the nodules of the listed scans.</summary>
    /// <param name="submission">Scored candidates, world (x, y, z) in mm; any order, any scans.</param>
    /// <param name="annotations">The nodules (annotations.csv); rows of scans outside the list are not used.</param>
    /// <param name="excluded">Findings that are neither hit nor false positive (annotations_excluded.csv).</param>
    /// <param name="seriesUids">The scans to evaluate, each once: all 888, or one fold's scans for a fold.</param>
    /// <param name="options">Cap, bootstrap count and seed; null for the challenge's defaults.</param>
    /// <exception cref="ArgumentException">The list is empty or repeats a UID, or a row is not finite.</exception>
    /// <exception cref="InvalidDataException">No scan of the list has a nodule: sensitivity is undefined.</exception>
    public static FrocResult Evaluate(
        IReadOnlyList<ScoredCandidate> submission,
        IReadOnlyList<Annotation> annotations,
        IReadOnlyList<Annotation> excluded,
        IReadOnlyList<string> seriesUids,
        FrocOptions? options = null)
    {
        options ??= new FrocOptions();
        options.Validate();
        var scans = IndexScans(seriesUids);
        var rows = GroupSubmission(submission, scans, out var outsideRows, out var outsideScans);
        var tally = Match(rows, GroupAnnotations(annotations, scans), GroupAnnotations(excluded, scans), options);

        var entries = tally.ToSortedEntries();
        var curve = new FrocCurve(entries);
        curve.Build(weights: null);
        var rates = FrocResult.CpmFalsePositiveRates.ToArray();
        var sensitivities = new double[rates.Length];
        curve.Interpolate(rates, sensitivities);
        var bootstrap = options.BootstrapCount > 0 ? FrocBootstrap.Run(entries, options) : null;

        var counts = Count(tally, rows, seriesUids.Count, outsideRows);
        var warnings = FrocWarnings.Collect(counts, tally, entries, seriesUids, rows, outsideScans, options, bootstrap);
        return new FrocResult
        {
            Cpm = FrocBootstrap.Cpm(sensitivities),
            CpmBand = bootstrap?.CpmBand,
            OperatingPoints = rates.Select((rate, k) =>
                new OperatingPoint(rate, sensitivities[k], bootstrap?.RateBands[k])).ToArray(),
            Curve = Enumerable.Range(0, curve.Count).Select(i => new FrocPoint(
                curve.FalsePositivesPerScan[i], curve.Sensitivity[i], curve.Threshold[i])).ToArray(),
            Band = bootstrap?.Band ?? [],
            Counts = counts,
            MissedNodules = tally.Missed,
            Warnings = warnings,
            BootstrapCount = bootstrap?.Resamples ?? 0,
            Seed = options.Seed,
            Confidence = options.Confidence,
        };
    }

    private static FrocTally Match(
        List<ScoredCandidate>[] rows,
        List<Annotation>[] nodules,
        List<Annotation>[] findings,
        FrocOptions options)
    {
        var tally = new FrocTally(rows.Length);
        for (var s = 0; s < rows.Length; s++)
        {
            var kept = ScanMatcher.Cap(rows[s], options.MaxCandidatesPerScan);
            tally.DroppedByCap += rows[s].Count - kept.Count;
            ScanMatcher.Match(s, kept, nodules[s], findings[s], tally);
        }

        if (tally.Nodules == 0)
        {
            throw new InvalidDataException($"None of the {rows.Length} scans of the list has a nodule in the " +
                "annotations, so sensitivity is undefined; check that the annotations and the scan list belong " +
                "together.");
        }

        return tally;
    }

    private static Dictionary<string, int> IndexScans(IReadOnlyList<string> seriesUids)
    {
        if (seriesUids.Count == 0)
        {
            throw new ArgumentException("The scan list is empty; give the series UIDs to evaluate.");
        }

        var scans = new Dictionary<string, int>(seriesUids.Count, StringComparer.Ordinal);
        for (var s = 0; s < seriesUids.Count; s++)
        {
            if (!scans.TryAdd(seriesUids[s], s))
            {
                var first = scans[seriesUids[s]] + 1;
                throw new ArgumentException($"The scan list holds {seriesUids[s]} twice (items {first} and {s + 1}); " +
                    "list each scan once, or its false positives would count twice.");
            }
        }

        return scans;
    }

    private static List<ScoredCandidate>[] GroupSubmission(
        IReadOnlyList<ScoredCandidate> submission,
        Dictionary<string, int> scans,
        out int outsideRows,
        out HashSet<string> outsideScans)
    {
        var rows = Enumerable.Range(0, scans.Count).Select(_ => new List<ScoredCandidate>()).ToArray();
        outsideRows = 0;
        outsideScans = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in submission)
        {
            var c = row.CenterWorldMm;
            if (!double.IsFinite(row.Probability) || !double.IsFinite(c.X + c.Y + c.Z))
            {
                throw new ArgumentException($"A submission row of {row.SeriesUid} has a non-finite value ({row}); " +
                    "every coordinate and probability must be a finite number.");
            }

            if (scans.TryGetValue(row.SeriesUid, out var s))
            {
                rows[s].Add(row);
            }
            else
            {
                outsideRows++;
                outsideScans.Add(row.SeriesUid);
            }
        }

        return rows;
    }

    private static List<Annotation>[] GroupAnnotations(
        IReadOnlyList<Annotation> annotations,
        Dictionary<string, int> scans)
    {
        var grouped = Enumerable.Range(0, scans.Count).Select(_ => new List<Annotation>()).ToArray();
        foreach (var annotation in annotations)
        {
            if (scans.TryGetValue(annotation.SeriesUid, out var s))
            {
                grouped[s].Add(annotation);
            }
        }

        return grouped;
    }

    private static FrocCounts Count(FrocTally tally, List<ScoredCandidate>[] rows, int scans, int outsideRows) => new()
    {
        Scans = scans,
        ScansWithoutCandidates = rows.Count(r => r.Count == 0),
        Nodules = tally.Nodules,
        Hits = tally.Hits,
        Misses = tally.Missed.Count,
        FalsePositives = tally.FalsePositives,
        Ignored = tally.Ignored,
        ExtraHits = tally.ExtraHits,
        Candidates = tally.Candidates,
        DroppedByCap = tally.DroppedByCap,
        OutsideList = outsideRows,
    };
}
