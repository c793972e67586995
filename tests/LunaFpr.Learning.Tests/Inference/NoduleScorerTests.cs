using LunaFpr.Learning.Inference;
using LunaFpr.Learning.Model;
using LunaFpr.Learning.Tests.Fakes;
using LunaFpr.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Tests.Inference;

public class NoduleScorerTests
{
    [Fact]
    public void Score_WithTestTimeAugmentation_IsTheSameForACubeTurnedAboutZOrMirrored()
    {
        torch.manual_seed(8);
        using var network = new MultiScaleNet(ModelSettings.Small);
        var scorer = new NoduleScorer(network, CPU, testTimeAugmentation: true);
        var plainScorer = new NoduleScorer(network, CPU);
        using var cubes = rand(new long[] { 2, 1, 26, 40, 40 });
        using var turned = cubes.rot90(1, (3, 4));
        using var mirrored = cubes.flip(3); // a mirror in y is a mirror in x turned by 180°

        var plain = scorer.Score(cubes);
        var rotated = scorer.Score(turned);
        var flipped = scorer.Score(mirrored);
        var single = plainScorer.Score(cubes);
        var singleFlipped = plainScorer.Score(mirrored);

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(plain[i], rotated[i], 4);
            Assert.Equal(plain[i], flipped[i], 4);
        }

        Assert.NotEqual(single[0], singleFlipped[0]); // without the eight views a mirror changes the score
        Assert.True(network.training, "the scorer restores the network's mode");
    }

    [Fact]
    public void Score_OfSourceEntries_MatchesScoringTheirTensorsInOrder()
    {
        var source = TinyRuns.Source();
        torch.manual_seed(9);
        using var network = new MultiScaleNet(ModelSettings.Small);
        var scorer = new NoduleScorer(network, CPU, batchSize: 3);
        int[] entries = [5, 0, 40, 17, 33];
        var samples = entries.Select(e => new CubeSample(e, false)).ToList();
        var batch = BatchLoader.Load(source, samples, scorer.Inputs);
        using var cubes = batch.CubesOn(CPU);

        var fromSource = scorer.Score(source, entries);
        var fromTensor = scorer.Score(cubes);

        Assert.Equal(fromTensor.Length, fromSource.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.Equal(fromTensor[i], fromSource[i], 5);
        }
    }
}
