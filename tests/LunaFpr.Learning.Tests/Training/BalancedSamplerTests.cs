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
}
