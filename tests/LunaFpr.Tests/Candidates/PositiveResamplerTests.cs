using LunaFpr.Candidates;
using LunaFpr.Imaging;
using LunaFpr.Patches;
using LunaFpr.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LunaFpr.Tests.Candidates;

public class PositiveResamplerTests
{
    private const string Uid = "1.2.3";

    private static Annotation Nodule(double x, double y, double z, double diameterMm) =>
        new(Uid, new Vector3D(x, y, z), diameterMm);

    private static Candidate Positive(double x, double y, double z) => new(Uid, new Vector3D(x, y, z), 1);

    private static IReadOnlyList<TrainingPoint> Resampled(SeriesPoints points) =>
        points.Points.Where(p => p.Kind == PatchKind.ResampledPositive).ToList();

    [Fact]
    public void GridInside_CountsTheOneMillimetreGridPointsOfADisc_StrictlyInside()
    {
        // Radius 2 at the centre's z: integer (i, j) with i² + j² < 4 are the 9 points with |i|, |j| ≤ 1;
        // (±2, 0) and (0, ±2) lie on the sphere, not strictly inside.
        var grid = PositiveResampler.GridInside(Nodule(10.3, -4.2, 7, 4), 7);

        Assert.Equal(9, grid.Count);
        Assert.DoesNotContain(grid, p => Math.Abs(p.X - 12.3) < 1e-9);
        Assert.All(grid, p => Assert.Equal(7, p.Z));
    }

    [Fact]
    public void Resample_PutsEveryPointStrictlyInsideItsNodule_AtTheCandidateZ()
    {
        var nodule = Nodule(-50.5, 20.25, -100, 18);
        var candidate = Positive(-48, 22, -96.5);

        var points = Resampled(new PositiveResampler(7).Resample(Uid, [candidate], [nodule]));

        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.True(Vector3D.Distance(p.CenterWorldMm, nodule.CenterWorldMm) < 9));
        Assert.All(points, p => Assert.Equal(-96.5, p.CenterWorldMm.Z));
        Assert.Equal(points.Count, points.Select(p => p.CenterWorldMm).Distinct().Count());
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(10.0)]
    public void Resample_KeepsEveryGridPoint_ForNodulesUpToTenMm(double diameterMm)
    {
        var nodule = Nodule(0, 0, 0, diameterMm);

        var points = Resampled(new PositiveResampler(1).Resample(Uid, [Positive(0.5, 0, 0)], [nodule]));

        Assert.Equal(PositiveResampler.GridInside(nodule, 0).Count, points.Count);
    }

    [Theory]
    [InlineData(4.0, 9)] // 9 grid points, under the cap
    [InlineData(8.0, 16)] // 49 grid points, cut to the cap
    [InlineData(40.0, 16)] // the SPEC's 960, cut to the cap
    public void Resample_WithAPlaneCap_KeepsAtMostThatManyInsideTheNodule(double diameterMm, int expected)
    {
        var nodule = Nodule(0, 0, 0, diameterMm);

        var points = Resampled(new PositiveResampler(3, planeCap: 16).Resample(Uid, [Positive(0, 0, 0)], [nodule]));
        var again = Resampled(new PositiveResampler(3, planeCap: 16).Resample(Uid, [Positive(0, 0, 0)], [nodule]));

        Assert.Equal(expected, points.Count);
        Assert.Equal(expected, points.Select(p => p.CenterWorldMm).Distinct().Count());
        Assert.All(points,
            p => Assert.True(Vector3D.Distance(p.CenterWorldMm, nodule.CenterWorldMm) < nodule.RadiusMm));
        Assert.Equal(points, again);
    }

    [Theory]
    [InlineData(20.0, 305)] // grid of 305 points, under 24 × 20 = 480: all kept
    [InlineData(40.0, 960)] // grid of 1,245 points, cut to 24 × 40
    [InlineData(60.0, 1000)] // grid of 2,809 points; 24 × 60 = 1,440, cut to 1,000
    public void Resample_KeepsAtMostTwentyFourPerMmOrAThousand_ForLargeNodules(double diameterMm, int expected)
    {
        var nodule = Nodule(0, 0, 0, diameterMm);

        var points = Resampled(new PositiveResampler(1).Resample(Uid, [Positive(0, 0, 0)], [nodule]));

        Assert.Equal(expected, points.Count);
        Assert.Equal(expected, points.Select(p => p.CenterWorldMm).Distinct().Count());
    }

    [Fact]
    public void Resample_GivesTheSamePoints_ForTheSameSeed()
    {
        var nodule = Nodule(3, 4, 5, 45);
        Candidate[] candidates = [Positive(3, 4, 5), Positive(4, 4, 9)];

        var first = new PositiveResampler(42).Resample(Uid, candidates, [nodule]).Points;
        var again = new PositiveResampler(42).Resample(Uid, candidates, [nodule]).Points;
        var other = new PositiveResampler(43).Resample(Uid, candidates, [nodule]).Points;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Resample_AddsAPlaneOnce_WhenTwoPositivesOfOneNoduleShareTheirZ()
    {
        var nodule = Nodule(0, 0, 0, 8);

        var one = Resampled(new PositiveResampler(1).Resample(Uid, [Positive(0, 0, 1)], [nodule]));
        var two = Resampled(new PositiveResampler(1).Resample(Uid, [Positive(0, 0, 1), Positive(1, 1, 1)], [nodule]));

        Assert.Equal(one.Count, two.Count);
    }

    [Fact]
    public void Resample_KeepsEveryCandidateInOrder_BeforeTheResampledPoints()
    {
        Candidate[] candidates = [new(Uid, new Vector3D(90, 90, 90), 0), Positive(0, 0, 0)];

        var points = new PositiveResampler(1).Resample(Uid, candidates, [Nodule(0, 0, 0, 5)]).Points;

        Assert.Equal(PatchKind.Negative, points[0].Kind);
        Assert.Equal(PatchKind.OriginalPositive, points[1].Kind);
        Assert.Equal(new Vector3D(0, 0, 0), points[1].CenterWorldMm);
        Assert.All(points.Skip(2), p => Assert.Equal(PatchKind.ResampledPositive, p.Kind));
    }

    [Fact]
    public void Resample_WarnsWithTheSeriesUidAndAddsNothing_ForAPositiveOutsideEveryNodule()
    {
        var logger = new ListLogger();

        var result = new PositiveResampler(1, logger).Resample(Uid, [Positive(50, 0, 0)], [Nodule(0, 0, 0, 10)]);

        Assert.Equal(1, result.UnmatchedPositives);
        Assert.Empty(Resampled(result));
        Assert.Contains(logger.Messages, m => m.Level == LogLevel.Warning && m.Message.Contains(Uid));
    }

    [Fact]
    public void FindContainingNodule_PicksTheNearestCentre_WhenTwoNodulesOverlap()
    {
        Annotation[] nodules = [Nodule(0, 0, 0, 20), Nodule(4, 0, 0, 6)];

        Assert.Equal(1, PositiveResampler.FindContainingNodule(new Vector3D(3, 0, 0), nodules));
        Assert.Equal(0, PositiveResampler.FindContainingNodule(new Vector3D(-5, 0, 0), nodules));
        Assert.Equal(0, PositiveResampler.FindContainingNodule(new Vector3D(0, 10, 0), nodules)); // on the sphere
        Assert.Equal(-1, PositiveResampler.FindContainingNodule(new Vector3D(0, 10.01, 0), nodules));
    }
}
