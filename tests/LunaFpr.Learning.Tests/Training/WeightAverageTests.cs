using LunaFpr.Learning.Model;
using LunaFpr.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Tests.Training;

public class WeightAverageTests
{
    private static readonly ModelSettings Tiny = ModelSettings.Small with { Preset = "custom", Filters = 4 };

    [Fact]
    public void DecayAt_RampsUpFromTheFirstStepsToTheLongRunDecay()
    {
        random.manual_seed(3);
        using var trained = new MultiScaleNet(Tiny);
        using var average = new WeightAverage(trained, 0.99, CPU);

        Assert.Equal(2.0 / 11, average.DecayAt(1), precision: 12);
        Assert.Equal(101.0 / 110, average.DecayAt(100), precision: 12);
        Assert.Equal(0.99, average.DecayAt(100_000), precision: 12);
    }

    [Fact]
    public void Update_MovesEachWeightByItsShareAndCopiesStepCounters()
    {
        random.manual_seed(3);
        using var trained = new MultiScaleNet(Tiny);
        using var average = new WeightAverage(trained, 0.5, CPU);
        var before = trained.state_dict().ToDictionary(e => e.Key, e => e.Value.clone());

        using (no_grad())
        {
            foreach (var parameter in trained.parameters())
            {
                parameter.add_(1.0);
            }

            foreach (var (name, buffer) in trained.named_buffers().Where(b => b.name.EndsWith("num_batches_tracked")))
            {
                buffer.fill_(7);
            }
        }

        average.Update(); // keep = min(0.5, 2/11) = 2/11 of the old weights
        var averaged = average.Network.state_dict();

        var keep = 2.0 / 11;
        foreach (var (name, parameter) in trained.named_parameters())
        {
            var expected = before[name] * keep + parameter * (1 - keep);
            Assert.True(averaged[name].allclose(expected, rtol: 1e-5, atol: 1e-6), $"{name} is not the average");
        }

        var counter = averaged.First(e => e.Key.EndsWith("num_batches_tracked")).Value;
        Assert.Equal(7, counter.item<long>());
        Assert.Equal(1, average.Updates);
    }

    [Fact]
    public void Constructor_StartsAtTheTrainedWeights_AndRefusesADecayOutsideZeroToOne()
    {
        random.manual_seed(4);
        using var trained = new MultiScaleNet(Tiny);
        using var average = new WeightAverage(trained, 0.9, CPU);

        foreach (var ((name, a), (_, b)) in trained.named_parameters().Zip(average.Network.named_parameters()))
        {
            Assert.True(a.equal(b).all().item<bool>(), $"{name} differs");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new WeightAverage(trained, 1.0, CPU));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeightAverage(trained, 0, CPU));
    }
}
