using LunaFpr.Candidates;
using LunaFpr.Evaluation;
using static LunaFpr.Tests.Evaluation.FrocFixtures;

namespace LunaFpr.Tests.Evaluation;

public sealed class FrocEvaluatorTests
{
    private static readonly string[] TwoScans = ["A", "B"];

    [Fact]
    public void Evaluate_ReproducesAHandCountedFroc_WithDoubleHitExcludedFindingAndMiss()
    {
        // A: one nodule (r 5) hit twice (0.9, 0.6), false positives 0.8 and 0.3.
        // B: a nodule (r 3) hit at 0.7, a nodule with no candidate, false positives 0.5 and 0.2, and a 0.95 mark on an
        // excluded finding of unknown size (read as 10 mm across), which must be ignored, not counted as the top FP.
        Annotation[] nodules = [Nodule("A", 0, 0, 0, 10), Nodule("B", 0, 0, 0, 6), Nodule("B", 0, 100, 0, 8)];
        Annotation[] excluded = [Nodule("B", 0, -60, 0, -1)];
        ScoredCandidate[] submission =
        [
            Mark("A", 1, 0, 0, 0.9), Mark("A", 0, 2, 0, 0.6), Mark("A", 50, 0, 0, 0.8), Mark("A", 100, 0, 0, 0.3),
            Mark("B", 0, 0, 1, 0.7), Mark("B", 40, 0, 0, 0.5), Mark("B", -40, 0, 0, 0.2), Mark("B", 0, -57, 0, 0.95),
        ];

        var result = FrocEvaluator.Evaluate(submission, nodules, excluded, TwoScans, NoBootstrap);

        // Sorted: 0.9 hit, 0.8 FP, 0.7 hit, 0.5 FP, 0.3 FP, 0.2 FP. The corners (FP, hits) are (0,1) (1,1) (1,2)
        // (4,2); (2,2) and (3,2) are collinear and dropped. FPs/scan = FP / 2 scans, sensitivity = hits / 3 nodules.
        Assert.Equal(
            [
                new FrocPoint(0, 0, double.PositiveInfinity), new FrocPoint(0, 1.0 / 3, 0.9),
                new FrocPoint(0.5, 1.0 / 3, 0.8), new FrocPoint(0.5, 2.0 / 3, 0.7), new FrocPoint(2, 2.0 / 3, 0.2),
            ],
            result.Curve);
        Assert.Equal([1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3],
            result.OperatingPoints.Select(p => p.Sensitivity));
        Assert.Equal(4.0 / 7, result.Cpm, 15);
        var c = result.Counts;
        Assert.Equal((2, 3, 2, 1, 4, 1, 1, 8), (c.Scans, c.Nodules, c.Hits, c.Misses, c.FalsePositives, c.Ignored,
            c.ExtraHits, c.Candidates));
        Assert.Equal(4.0, c.CandidatesPerScan);
        Assert.Equal([nodules[2]], result.MissedNodules);
    }

    [Fact]
    public void Evaluate_CountsTwoHitsOnOneNoduleOnce_AtTheHighestProbability()
    {
        ScoredCandidate[] submission = [Mark("A", 1, 0, 0, 0.4), Mark("A", 0, 1, 0, 0.9), Mark("A", 40, 0, 0, 0.5)];

        var result = FrocEvaluator.Evaluate(submission, [Nodule("A", 0, 0, 0, 10)], [], ["A"], NoBootstrap);

        Assert.Equal([double.PositiveInfinity, 0.9, 0.5], result.Curve.Select(p => p.Threshold));
        Assert.Equal((1, 1, 1), (result.Counts.Hits, result.Counts.ExtraHits, result.Counts.FalsePositives));
        Assert.Equal(1.0, result.OperatingPoints[0].Sensitivity);
    }

    [Theory]
    [InlineData(3, 4, 0, false)] // 3-4-5: exactly at the 5 mm radius, not inside
    [InlineData(5, 0, 0, false)]
    [InlineData(4.999, 0, 0, true)]
    public void Evaluate_HitsOnlyStrictlyInsideTheRadius(double x, double y, double z, bool isHit)
    {
        var result = FrocEvaluator.Evaluate([Mark("A", x, y, z, 0.5)], [Nodule("A", 0, 0, 0, 10)], [], ["A"],
            NoBootstrap);

        Assert.Equal(isHit ? 1 : 0, result.Counts.Hits);
        Assert.Equal(isHit ? 0 : 1, result.Counts.FalsePositives);
    }

    [Theory]
    [InlineData(-1, 4.9, true)] // unknown size counts as 10 mm across
    [InlineData(-1, 5.0, false)]
    [InlineData(4, 1.9, true)]
    [InlineData(4, 2.0, false)]
    public void Evaluate_IgnoresACandidateInsideAnExcludedFinding(double diameter, double offset, bool ignored)
    {
        ScoredCandidate[] submission = [Mark("A", 0, 0, 0, 0.9), Mark("A", 50 + offset, 0, 0, 0.99)];

        var result = FrocEvaluator.Evaluate(submission, [Nodule("A", 0, 0, 0, 10)], [Nodule("A", 50, 0, 0, diameter)],
            ["A"], NoBootstrap);

        Assert.Equal(ignored ? 1 : 0, result.Counts.Ignored);
        Assert.Equal(ignored ? 0 : 1, result.Counts.FalsePositives);
        Assert.Equal(ignored ? 1.0 : 1.0, result.OperatingPoints[^1].Sensitivity);
    }

    [Fact]
    public void Evaluate_CountsAHitOnANodule_EvenInsideAnExcludedFinding()
    {
        var result = FrocEvaluator.Evaluate([Mark("A", 0, 0, 0, 0.9)], [Nodule("A", 0, 0, 0, 10)],
            [Nodule("A", 0, 0, 0, -1)], ["A"], NoBootstrap);

        Assert.Equal((1, 0), (result.Counts.Hits, result.Counts.Ignored));
    }

    [Fact]
    public void Evaluate_KeepsTheHundredHighest_WhenAScanIsOverTheCap()
    {
        // 150 false positives scoring 0.001 … 0.150 and a hit scoring 0.0005: the cap drops the hit.
        var submission = Enumerable.Range(1, 150).Select(i => Mark("A", 100 + i, 0, 0, i / 1000.0))
            .Append(Mark("A", 0, 0, 0, 0.0005)).ToArray();

        var result = FrocEvaluator.Evaluate(submission, [Nodule("A", 0, 0, 0, 10)], [], ["A"], new FrocOptions
        {
            BootstrapCount = 0,
        });

        Assert.Equal((100, 51, 0, 1), (result.Counts.Candidates, result.Counts.DroppedByCap, result.Counts.Hits,
            result.Counts.Misses));
        Assert.Equal(0.051, result.Curve[^1].Threshold);
    }

    [Fact]
    public void Evaluate_DropsEveryTieAtTheCapBoundary_AsTheChallengeScriptDoes()
    {
        ScoredCandidate[] submission = [Mark("A", 0, 0, 0, 0.9), Mark("A", 50, 0, 0, 0.5), Mark("A", 60, 0, 0, 0.5)];

        var result = FrocEvaluator.Evaluate(submission, [Nodule("A", 0, 0, 0, 10)], [], ["A"], new FrocOptions
        {
            BootstrapCount = 0,
            MaxCandidatesPerScan = 2,
        });

        Assert.Equal((1, 2, 0), (result.Counts.Candidates, result.Counts.DroppedByCap, result.Counts.FalsePositives));
    }

    [Fact]
    public void Evaluate_GivesCpmOne_ForAPerfectSubmission()
    {
        var result = FrocEvaluator.Evaluate([Mark("A", 0, 0, 0, 0.9), Mark("B", 1, 1, 1, 0.2)],
            [Nodule("A", 0, 0, 0, 10), Nodule("B", 0, 0, 0, 5)], [], TwoScans, NoBootstrap);

        Assert.Equal(1.0, result.Cpm);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Evaluate_GivesCpmZeroAndWarns_ForOnlyFalsePositives()
    {
        var result = FrocEvaluator.Evaluate([Mark("A", 50, 0, 0, 0.9), Mark("B", 50, 0, 0, 0.2)],
            [Nodule("A", 0, 0, 0, 10), Nodule("B", 0, 0, 0, 5)], [], TwoScans, NoBootstrap);

        Assert.Equal(0.0, result.Cpm);
        Assert.All(result.OperatingPoints, p => Assert.Equal(0.0, p.Sensitivity));
        Assert.Contains(result.Warnings, w => w.StartsWith("No candidate lies inside any nodule"));
    }

    [Fact]
    public void Evaluate_KeepsANoduleWithoutCandidate_InTheDenominator()
    {
        Annotation[] nodules = [Nodule("A", 0, 0, 0, 10), Nodule("A", 0, 80, 0, 10)];

        var result = FrocEvaluator.Evaluate([Mark("A", 0, 0, 0, 0.9)], nodules, [], ["A"], NoBootstrap);

        Assert.Equal(0.5, result.Cpm);
        Assert.Equal([nodules[1]], result.MissedNodules);
        Assert.Contains(result.Warnings, w => w.StartsWith("1 of 2 nodules (50.0 %) have no candidate inside them"));
    }

    [Fact]
    public void Evaluate_SkipsAndWarnsAboutScansOutsideTheList_AndAboutListedScansWithoutCandidates()
    {
        ScoredCandidate[] submission = [Mark("A", 0, 0, 0, 0.9), Mark("Z", 0, 0, 0, 0.9), Mark("Z", 9, 0, 0, 0.1)];

        var result = FrocEvaluator.Evaluate(submission, [Nodule("A", 0, 0, 0, 10), Nodule("Z", 0, 0, 0, 10)], [],
            TwoScans, NoBootstrap);

        Assert.Equal((2, 1, 1, 2), (result.Counts.OutsideList, result.Counts.ScansWithoutCandidates,
            result.Counts.Nodules, result.Counts.Scans));
        Assert.Contains(result.Warnings, w => w.StartsWith("Skipped 2 rows of 1 scans that are not in the list"));
        Assert.Contains(result.Warnings, w => w.StartsWith("The submission has no candidate in 1 of the 2 scans") &&
            w.Contains("(for example B)") && w.Contains("--fold K --luna16 DIR"));
    }

    [Fact]
    public void Evaluate_Refuses_WhenNoScanOfTheListHasANodule()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            FrocEvaluator.Evaluate([Mark("A", 0, 0, 0, 0.9)], [Nodule("Z", 0, 0, 0, 10)], [], ["A"], NoBootstrap));

        Assert.Contains("None of the 1 scans of the list has a nodule", error.Message);
    }

    [Fact]
    public void Evaluate_Refuses_WhenTheListRepeatsAScan()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            FrocEvaluator.Evaluate([], [Nodule("A", 0, 0, 0, 10)], [], ["A", "B", "A"], NoBootstrap));

        Assert.Contains("holds A twice (items 1 and 3)", error.Message);
    }

    [Fact]
    public void Evaluate_FindsEveryRealNodule_WhenEachHasAMarkAtItsCentre()
    {
        var nodules = AnnotationCsv.Read(Path.Combine(TestFiles.Luna16, "annotations.csv"));
        var excluded = AnnotationCsv.Read(Path.Combine(TestFiles.Luna16, "annotations_excluded.csv"));
        var uids = SeriesUidList.Read(Path.Combine(TestFiles.Luna16, "seriesuids.csv"));
        var submission = nodules.Select(n => new ScoredCandidate(n.SeriesUid, n.CenterWorldMm, 0.9)).ToArray();

        var result = FrocEvaluator.Evaluate(submission, nodules, excluded, uids, NoBootstrap);

        Assert.Equal(1.0, result.Cpm);
        Assert.Equal((888, 1186, 1186, 0, 0), (result.Counts.Scans, result.Counts.Nodules, result.Counts.Hits,
            result.Counts.Misses, result.Counts.FalsePositives));
        Assert.Equal(287, result.Counts.ScansWithoutCandidates);
    }
}
