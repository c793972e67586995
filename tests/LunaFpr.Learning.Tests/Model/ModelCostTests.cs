using LunaFpr.Learning.Model;

namespace LunaFpr.Learning.Tests.Model;

public class ModelCostTests
{
    [Fact]
    public void ForwardFlops_OfTheFullPreset_MatchAHandCount()
    {
        // d40: conv1 on 26·40·40 voxels, conv2 and conv3 on 13·20·20, dense from 64·5200 to 250.
        var d40 = 2.0 * 1 * 75 * 64 * 41600 + 2 * (2.0 * 64 * 75 * 64 * 5200) + 2.0 * 64 * 5200 * 250;
        // d30: conv1 on 10·30·30, then 5·15·15; dense 64·1125 → 250.
        var d30 = 2.0 * 1 * 75 * 64 * 9000 + 2 * (2.0 * 64 * 75 * 64 * 1125) + 2.0 * 64 * 1125 * 250;
        // d20: conv1 on 6·20·20, conv2 (3,5,5) and conv3 (1,5,5) on 3·10·10; dense 64·300 → 150.
        var d20 = 2.0 * 1 * 75 * 64 * 2400 + 2.0 * 64 * 75 * 64 * 300 + 2.0 * 64 * 25 * 64 * 300 + 2.0 * 64 * 300 * 150;
        var fusion = 2.0 * 650 * 200 + 2.0 * 200 * 2;

        var flops = ModelCost.ForwardFlopsPerSample(ModelSettings.Full);

        Assert.Equal(d40 + d30 + d20 + fusion, flops);
        Assert.InRange(flops / 1e9, 8.7, 8.8);
    }

    [Theory]
    [InlineData(FusionMode.Concatenation)]
    [InlineData(FusionMode.WeightedMean)]
    public void ParameterCount_MatchesTheBuiltNetwork(FusionMode fusion)
    {
        var settings = ModelSettings.Small with { Fusion = fusion, Channels = "lung,mediastinal" };
        using var network = new MultiScaleNet(settings);

        Assert.Equal(network.ParameterCount, ModelCost.ParameterCount(settings));
    }

    [Fact]
    public void ParameterCount_OfTheFullPreset_IsAbout106Million()
    {
        // The d40 dense layer (64 · 13 · 20 · 20 inputs × 250 units) holds 83 M of them.
        Assert.Equal(105_868_906, ModelCost.ParameterCount(ModelSettings.Full));
    }
}
