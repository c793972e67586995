using LunaFpr.Candidates;
using LunaFpr.Evaluation;
using LunaFpr.Imaging;
using LunaFpr.Synthetic;

namespace LunaFpr.Tests.Synthetic;

/// <summary>The list rows of 25 planned (not rendered) small scans: annotations, findings, candidates.</summary>
public sealed class SyntheticListsTests
{
    private static readonly IReadOnlyList<SyntheticScan> Scans =
        Describe(new SyntheticOptions { Seed = 3, Scans = 25 });

    [Theory]
    [InlineData(0.0, 6.4)]
    [InlineData(-1.2816, 4.4)] // LUNA16's 10th percentile
    [InlineData(1.2816, 15.5)] // and 90th
    [InlineData(-9.0, 3.0)] // floor: smaller findings belong in the excluded list
    [InlineData(9.0, 30.0)]
    public void NoduleDiameter_FollowsLuna16sQuantiles(double z, double expectedMm)
    {
        Assert.Equal(expectedMm, LesionPlanner.NoduleDiameter(z), precision: 2);
    }

    [Fact]
    public void EveryPositive_LiesStrictlyInsideItsNodule_AndNoNegativeInsideAny()
    {
        foreach (var scan in Scans)
        {
            foreach (var candidate in scan.Candidates)
            {
                var inside = scan.Annotations.Where(a => Distance(a, candidate) < a.RadiusMm).ToList();
                if (candidate.Class == 1)
                {
                    Assert.NotEmpty(inside);
                }
                else
                {
                    Assert.Empty(inside);
                }
            }
        }
    }

    [Fact]
    public void EachNodule_HasTwoToFivePositives_AndEachScanThirtyToEightyOtherNegatives()
    {
        foreach (var scan in Scans)
        {
            foreach (var nodule in scan.Annotations)
            {
                var hits = scan.Candidates.Count(c => c.Class == 1 && Distance(nodule, c) < nodule.RadiusMm);
                Assert.InRange(hits, 2, 5);
            }

            var onFindings = scan.Candidates.Count(c => c.Class == 0 && scan.Excluded.Any(e => Distance(e, c) < 2));
            Assert.InRange(onFindings, 0, scan.Excluded.Count);
            Assert.InRange(scan.Candidates.Count(c => c.Class == 0) - onFindings, 30, 80);
        }
    }

    [Fact]
    public void PerfectSubmission_OfTheSyntheticSet_EvaluatesToCpmOne()
    {
        // Every class-1 candidate scored 1, every class-0 one 0: each nodule is hit before any false positive.
        var submission = Scans.SelectMany(s => s.Candidates)
            .Select(c => new ScoredCandidate(c.SeriesUid, c.CenterWorldMm, c.Class))
            .ToList();
        var result = FrocEvaluator.Evaluate(submission, Scans.SelectMany(s => s.Annotations).ToList(),
            Scans.SelectMany(s => s.Excluded).ToList(), Scans.Select(s => s.Scan.SeriesUid).ToList(),
            new FrocOptions { BootstrapCount = 0 });

        Assert.Equal(1.0, result.Cpm);
        Assert.Equal(0, result.Counts.Misses);
        Assert.Equal(Scans.Sum(s => s.Annotations.Count), result.Counts.Hits);
    }

    [Fact]
    public void Nodules_Are3To30Mm_AndExcludedFindingsAreSmallOrOfUnknownSize()
    {
        var nodules = Scans.SelectMany(s => s.Annotations).ToList();
        var excluded = Scans.SelectMany(s => s.Excluded).ToList();

        Assert.All(nodules, n => Assert.InRange(n.DiameterMm, 3, 30));
        Assert.All(excluded, e => Assert.True(e.DiameterMm == -1 || e.DiameterMm is > 0 and <= 8));
        Assert.Contains(excluded, e => e.DiameterMm == -1);
        Assert.Contains(excluded, e => e.DiameterMm is > 0 and < 3);
        Assert.InRange(nodules.Count / (double)Scans.Count, 1, 3);
    }

    [Fact]
    public void Lesions_CoverEveryKindAndAttachment()
    {
        var nodules = Scans.SelectMany(s => s.Lesions).Where(l => l.Listing == LesionListing.Annotation).ToList();

        Assert.Equal(
            [LesionKind.Solid, LesionKind.PartSolid, LesionKind.GroundGlass],
            nodules.Select(n => n.Kind).Distinct().Order());
        Assert.Equal(
            [LesionAttachment.Free, LesionAttachment.Pleural, LesionAttachment.Vascular],
            nodules.Select(n => n.Attachment).Distinct().Order());
        Assert.All(nodules.Where(n => n.Kind == LesionKind.GroundGlass), n => Assert.InRange(n.CoreHu, -600, -300));
        Assert.All(nodules.Where(n => n.Kind == LesionKind.Solid), n => Assert.InRange(n.CoreHu, 0, 60));
    }

    [Fact]
    public void SomeScans_AreStoredFlipped_AndEveryPointStaysInsideItsScan()
    {
        Assert.Contains(Scans, s => s.Scan.Direction[0, 0] == -1 || s.Scan.Direction[1, 1] == -1);
        foreach (var scan in Scans)
        {
            var points = scan.Candidates.Select(c => c.CenterWorldMm)
                .Concat(scan.Annotations.Select(a => a.CenterWorldMm));
            Assert.All(points, p => Assert.True(scan.Scan.Contains(scan.Scan.WorldToIndexZyx(p)), $"{p} is outside"));
        }
    }

    [Fact]
    public void SeriesUids_NameSizeSeedAndIndex_AndSubsetsGoRoundRobin()
    {
        Assert.Equal("1.3.6.1.4.1.55555.1.3.0", Scans[0].Scan.SeriesUid);
        Assert.Equal("1.3.6.1.4.1.55555.1.3.13", Scans[13].Scan.SeriesUid);
        Assert.Equal(3, Scans[13].Subset);
        Assert.Equal(Scans.Count, Scans.Select(s => s.Scan.SeriesUid).Distinct().Count());
        Assert.All(Scans, s => Assert.All(s.Candidates, c => Assert.Equal(s.Scan.SeriesUid, c.SeriesUid)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, -1)]
    public void Options_AreRejected_WhenOutOfRange(int scans, int seed)
    {
        var options = new SyntheticOptions { Scans = scans, Seed = seed };

        var e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Contains(scans < 1 ? "number of scans" : "seed", e.Message);
    }

    /// <summary>Plans the scans on every core. The options are a parameter, not a static field: worker threads
    /// reading a static of this class would wait for its static initialiser, which waits for them.</summary>
    private static List<SyntheticScan> Describe(SyntheticOptions options) =>
        Enumerable.Range(0, options.Scans).AsParallel().AsOrdered()
            .Select(i => PhantomGenerator.Describe(options, i)).ToList();

    private static double Distance(Annotation a, Candidate c) => Vector3D.Distance(a.CenterWorldMm, c.CenterWorldMm);
}
