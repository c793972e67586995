using LunaFpr.Learning.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Tests.Model;

public class MultiScaleNetTests
{
    private static readonly ModelSettings Small = ModelSettings.Small;

    [Theory]
    [InlineData("d40", 32)]
    [InlineData("d30", 32)]
    [InlineData("d20", 16)]
    public void Branch_MapsItsCropToDenseFeatures(string name, int units)
    {
        torch.manual_seed(3);
        var scale = ScaleSpec.All.Single(s => s.Name == name);
        using var branch = new ScaleBranch(scale, channels: 2, Small.Filters, Small.DenseUnits(scale), 0.2);
        using var cubes = rand(new long[] { 3, 2, 26, 40, 40 });
        using var crop = MultiScaleNet.Crop(cubes, scale);

        using var features = branch.forward(crop);

        Assert.Equal(new long[] { 3, 2, scale.CropSize.Z, scale.CropSize.Y, scale.CropSize.X }, crop.shape);
        Assert.Equal(new long[] { 3, units }, features.shape);
    }

    [Fact]
    public void Crop_IsAViewOfTheSpecRanges()
    {
        using var cubes = arange(2 * 26 * 40 * 40, dtype: ScalarType.Float32).reshape(1, 2, 26, 40, 40);

        using var d30 = MultiScaleNet.Crop(cubes, ScaleSpec.D30);
        using var d20 = MultiScaleNet.Crop(cubes, ScaleSpec.D20);

        Assert.Equal(cubes[0, 1, 8, 5, 5].item<float>(), d30[0, 1, 0, 0, 0].item<float>());
        Assert.Equal(cubes[0, 0, 17, 34, 34].item<float>(), d30[0, 0, 9, 29, 29].item<float>());
        Assert.Equal(cubes[0, 0, 10, 10, 10].item<float>(), d20[0, 0, 0, 0, 0].item<float>());
        Assert.Equal(cubes[0, 1, 15, 29, 29].item<float>(), d20[0, 1, 5, 19, 19].item<float>());
        d20[0, 0, 0, 0, 0] = tensor(-1f);
        Assert.Equal(-1f, cubes[0, 0, 10, 10, 10].item<float>());
    }

    [Theory]
    [InlineData(FusionMode.Concatenation, 0)]
    [InlineData(FusionMode.WeightedMean, 3)]
    public void Run_ReturnsLogProbabilitiesPerCube(FusionMode fusion, int heads)
    {
        torch.manual_seed(5);
        using var network = new MultiScaleNet(Small with { Fusion = fusion });
        network.eval();
        using var cubes = rand(new long[] { 4, 1, 26, 40, 40 });

        using var scope = NewDisposeScope();
        var output = network.Run(cubes);

        Assert.Equal(new long[] { 4, 2 }, output.Fused.shape);
        Assert.Equal(heads, output.Heads.Count);
        var sums = output.Fused.exp().sum(1);
        Assert.True(allclose(sums, ones(4), rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void Run_UnderWeightedFusion_MixesTheHeadsThreeFourThree()
    {
        torch.manual_seed(6);
        using var network = new MultiScaleNet(Small with { Fusion = FusionMode.WeightedMean });
        network.eval();
        using var cubes = rand(new long[] { 2, 1, 26, 40, 40 });

        using var scope = NewDisposeScope();
        var output = network.Run(cubes);
        var mixed = 0.3 * output.Heads[0].exp() + 0.4 * output.Heads[1].exp() + 0.3 * output.Heads[2].exp();

        Assert.True(allclose(output.Fused.exp(), mixed, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Forward_RejectsCubesOfAnotherShape_NamingTheExpectedOne()
    {
        using var network = new MultiScaleNet(Small);
        using var cubes = rand(new long[] { 2, 1, 20, 40, 40 });

        var error = Assert.Throws<ArgumentException>(() => network.forward(cubes));

        Assert.Contains("[N, 1, 26, 40, 40]", error.Message);
        Assert.Contains("[2, 1, 20, 40, 40]", error.Message);
    }
}
