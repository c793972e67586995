using LunaFpr.Candidates;
using LunaFpr.Imaging;
using LunaFpr.Learning.Tests.Fakes;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Tests.Training;

public class BalancedSamplerTests
{
    // Fold 0 trains on subsets 2 and 3: 2 × 5 resampled positives (40 versions) and 2 × 30 negatives.
    private static readonly SyntheticPatchSource Source =
        new([0, 1, 2, 3], resampled: 5, original: 1, negatives: 30);

    [Fact]
    public void Batches_AreHalfPositiveHalfNegative()
    {
        var sampler = new BalancedSampler(Source.Entries, new FoldSplit(0));

        var batches = sampler.Batches(8, steps: 5, mirrors: false, seed: 1).ToList();

        Assert.Equal(5, batches.Count);
        Assert.All(batches, b => Assert.Equal(4, b.Count(s => s.IsNodule)));
        Assert.All(batches.SelectMany(b => b), s => Assert.Equal(
            s.IsNodule ? PatchKind.ResampledPositive : PatchKind.Negative, Source.Entries[s.EntryIndex].Kind));
    }

    [Fact]
    public void OnePass_TakesEveryRotatedPositiveOnceAndDistinctNegatives()
    {
        var sampler = new BalancedSampler(Source.Entries, new FoldSplit(0));
        Assert.Equal(40, sampler.PositiveSamples);
        Assert.Equal(80, sampler.PassLength);

        var samples = sampler.Batches(8, sampler.StepsPerPass(8), mirrors: false, seed: 2).SelectMany(b => b).ToList();

        var positives = samples.Where(s => s.IsNodule).Select(s => (s.EntryIndex, s.QuarterTurns)).ToList();
        var negatives = samples.Where(s => !s.IsNodule).Select(s => s.EntryIndex).ToList();
        Assert.Equal(40, positives.Distinct().Count());
        Assert.Equal(40, negatives.Distinct().Count());
        Assert.Equal([0, 1, 2, 3], positives.Select(p => p.QuarterTurns).Distinct().Order());
        Assert.All(samples, s => Assert.True(new FoldSplit(0).IsTraining(Source.Entries[s.EntryIndex].Subset)));
    }

    [Fact]
    public void Batches_WithTheSameSeed_Repeat()
    {
        var sampler = new BalancedSampler(Source.Entries, new FoldSplit(0));

        var first = sampler.Batches(6, 4, mirrors: true, seed: 9).SelectMany(b => b).ToList();
        var again = sampler.Batches(6, 4, mirrors: true, seed: 9).SelectMany(b => b).ToList();
        var other = sampler.Batches(6, 4, mirrors: true, seed: 10).SelectMany(b => b).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(first, s => s.MirrorX);
        Assert.Contains(first, s => s.MirrorZ);
    }

    [Fact]
    public void Constructor_WithoutTrainingNegatives_SaysWhatIsMissing()
    {
        var source = new SyntheticPatchSource([0, 1, 2], resampled: 2, original: 0, negatives: 0);

        var error = Assert.Throws<InvalidDataException>(() => new BalancedSampler(source.Entries, new FoldSplit(0)));

        Assert.Contains("2 positive and 0 negative", error.Message);
    }

    [Fact]
    public void PerNodule_DrawsASmallNoduleAsOftenAsALargeOne()
    {
        // Subset 2 (training in fold 0): a 20 mm nodule with 30 resampled cubes, a 4 mm one with 2, 20 negatives.
        var large = new Annotation("s", new Vector3D(0, 0, 0), 20);
        var small = new Annotation("s", new Vector3D(60, 0, 0), 4);
        var entries = Enumerable.Range(0, 30).Select(i => Entry(PatchKind.ResampledPositive, large, i % 5 - 2, i / 10))
            .Concat(Enumerable.Range(0, 2).Select(i => Entry(PatchKind.ResampledPositive, small, i, 0)))
            .Concat(Enumerable.Range(0, 20).Select(i => Entry(PatchKind.Negative, small, 20 + i, 20)))
            .ToList();

        var perCube = SmallShare(new BalancedSampler(entries, new FoldSplit(0)));
        var perNodule = new BalancedSampler(entries, new FoldSplit(0), nodules: [large, small]);

        Assert.Equal(32, perNodule.PositiveSamples / 4);
        Assert.Equal(2, perNodule.PositiveGroups);
        Assert.Equal(0.5, SmallShare(perNodule), precision: 6);
        Assert.Equal(2.0 / 32, perCube, precision: 6);

        double SmallShare(BalancedSampler sampler)
        {
            var positives = sampler.Batches(8, steps: 64, mirrors: false, seed: 3)
                .SelectMany(b => b).Where(s => s.IsNodule).ToList();
            Assert.Equal(256, positives.Count);
            return positives.Count(s => s.EntryIndex >= 30) / 256.0;
        }
    }

    [Fact]
    public void PerNodule_CyclesThroughEveryVersionOfANodule()
    {
        var nodule = new Annotation("s", new Vector3D(0, 0, 0), 10);
        var entries = Enumerable.Range(0, 3).Select(i => Entry(PatchKind.ResampledPositive, nodule, i, 0))
            .Concat(Enumerable.Range(0, 12).Select(i => Entry(PatchKind.Negative, nodule, 40 + i, 0)))
            .ToList();
        var sampler = new BalancedSampler(entries, new FoldSplit(0), nodules: [nodule]);

        var versions = sampler.Batches(4, steps: 6, mirrors: false, seed: 5).SelectMany(b => b)
            .Where(s => s.IsNodule).Select(s => (s.EntryIndex, s.QuarterTurns)).ToList();

        Assert.Equal(12, versions.Distinct().Count());
    }

    private static PatchEntry Entry(PatchKind kind, Annotation near, double dxMm, double dyMm) => new(
        near.SeriesUid, 2, kind, near.CenterWorldMm + new Vector3D(dxMm, dyMm, 0), new IndexZyx(0, 0, 0));
}
