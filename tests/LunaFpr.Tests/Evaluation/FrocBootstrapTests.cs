using LunaFpr.Evaluation;

namespace LunaFpr.Tests.Evaluation;

public sealed class FrocBootstrapTests
{
    [Fact]
    public void Evaluate_RepeatsTheBandExactly_WithTheSameSeed_WhateverTheThreadCount()
    {
        var (submission, nodules, excluded, uids) = FrocFixtures.Random(scans: 40, seed: 3);
        var options = new FrocOptions { BootstrapCount = 200, Seed = 11, BandPointCount = 50 };

        var first = FrocEvaluator.Evaluate(submission, nodules, excluded, uids, options);
        var second = FrocEvaluator.Evaluate(submission, nodules, excluded, uids, options with
        {
            MaxDegreeOfParallelism = 1,
        });
        var otherSeed = FrocEvaluator.Evaluate(submission, nodules, excluded, uids, options with { Seed = 12 });

        Assert.Equal(first.CpmBand, second.CpmBand);
        Assert.Equal(first.Band, second.Band);
        Assert.NotEqual(first.CpmBand, otherSeed.CpmBand);
        Assert.Equal(200, first.BootstrapCount);
        Assert.Equal(50, first.Band.Count);
        Assert.Equal((0.125, 8.0), (first.Band[0].FalsePositivesPerScan, first.Band[^1].FalsePositivesPerScan));
        Assert.InRange(first.Cpm, first.CpmBand!.Lower, first.CpmBand.Upper);
        Assert.All(first.Band, p => Assert.True(p.Lower <= p.Mean && p.Mean <= p.Upper));
    }

    [Fact]
    public void Build_WithDrawCounts_EqualsTheCurveOfTheScansRepeatedAsDrawn()
    {
        // The challenge script concatenates the drawn scans' entries; weighting each scan by its draw count must
        // give the very same curve, bit for bit.
        var (submission, nodules, excluded, uids) = FrocFixtures.Random(scans: 12, seed: 5);
        int[] draws = [0, 3, 1, 0, 2, 0, 1, 1, 0, 4, 0, 0];
        var repeated = uids.SelectMany((uid, s) => Enumerable.Range(0, draws[s]).Select(k => (uid, copy: $"{uid}#{k}")))
            .ToArray();
        var weighted = Curve(FrocFixtures.NoBootstrap, submission, nodules, excluded, uids, draws);
        var byRepetition = FrocEvaluator.Evaluate(
            repeated.SelectMany(r => submission.Where(c => c.SeriesUid == r.uid)
                .Select(c => c with { SeriesUid = r.copy })).ToArray(),
            repeated.SelectMany(r => nodules.Where(n => n.SeriesUid == r.uid)
                .Select(n => n with { SeriesUid = r.copy })).ToArray(),
            repeated.SelectMany(r => excluded.Where(n => n.SeriesUid == r.uid)
                .Select(n => n with { SeriesUid = r.copy })).ToArray(),
            repeated.Select(r => r.copy).ToArray(),
            FrocFixtures.NoBootstrap);

        Assert.Equal(byRepetition.Curve.Select(p => (p.FalsePositivesPerScan, p.Sensitivity, p.Threshold)), weighted);
    }

    [Theory]
    [InlineData(1000, 0.95, 25, 975)]
    [InlineData(10, 0.95, 0, 9)]
    [InlineData(1, 0.95, 0, 0)]
    public void Percentiles_TakesTheScriptsIndices(int count, double confidence, int lower, int upper)
    {
        var values = Enumerable.Range(0, count).Select(i => (double)(count - 1 - i)).ToArray();

        var band = FrocBootstrap.Percentiles(values, confidence);

        Assert.Equal((lower, upper), ((int)band.Lower, (int)band.Upper));
        Assert.Equal((count - 1) / 2.0, band.Mean);
    }

    [Fact]
    public void EvenGrid_IsNumpysLinspace()
    {
        var grid = FrocBootstrap.EvenGrid(0.125, 8, 10_000);

        Assert.Equal(0.125, grid[0]);
        Assert.Equal(8, grid[^1]);
        Assert.Equal(1 * (7.875 / 9999) + 0.125, grid[1]);
    }

    private static IEnumerable<(double, double, double)> Curve(
        FrocOptions options,
        IReadOnlyList<LunaFpr.Evaluation.ScoredCandidate> submission,
        IReadOnlyList<LunaFpr.Candidates.Annotation> nodules,
        IReadOnlyList<LunaFpr.Candidates.Annotation> excluded,
        string[] uids,
        int[] draws)
    {
        var scans = uids.Select((u, s) => (u, s)).ToDictionary(p => p.u, p => p.s);
        var tally = new FrocTally(uids.Length);
        for (var s = 0; s < uids.Length; s++)
        {
            var rows = submission.Where(c => scans[c.SeriesUid] == s).ToList();
            ScanMatcher.Match(s, ScanMatcher.Cap(rows, options.MaxCandidatesPerScan),
                nodules.Where(n => n.SeriesUid == uids[s]).ToList(),
                excluded.Where(n => n.SeriesUid == uids[s]).ToList(),
                tally);
        }

        var curve = new FrocCurve(tally.ToSortedEntries());
        Assert.True(curve.Build(draws));
        return Enumerable.Range(0, curve.Count)
            .Select(i => (curve.FalsePositivesPerScan[i], curve.Sensitivity[i], curve.Threshold[i])).ToArray();
    }
}
