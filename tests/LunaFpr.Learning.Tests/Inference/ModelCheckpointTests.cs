using LunaFpr.Learning.Inference;
using LunaFpr.Learning.Model;
using LunaFpr.Learning.Tests.Fakes;
using LunaFpr.Learning.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace LunaFpr.Learning.Tests.Inference;

public class ModelCheckpointTests
{
    [Theory]
    [InlineData(FusionMode.Concatenation)]
    [InlineData(FusionMode.WeightedMean)]
    public void SaveThenLoad_GivesIdenticalOutputs(FusionMode fusion)
    {
        using var folder = new TempFolder();
        var path = folder.File("weights.bin");
        var config = TinyRuns.Config(1, 1, 4) with { Model = ModelSettings.Small with { Fusion = fusion } };
        torch.manual_seed(21);
        using var network = new MultiScaleNet(config.Model);
        TrainBatchNormStatistics(network);
        network.eval();
        using var cubes = rand(new long[] { 3, 1, 26, 40, 40 });
        using var before = network.forward(cubes);

        SaveWithSidecar(network, config, path);
        using var loaded = ModelCheckpoint.Load(path);
        using var after = loaded.Network.forward(cubes);

        Assert.False(loaded.Network.training);
        Assert.Equal(config, loaded.Config);
        Assert.True(before.equal(after).all().item<bool>());
    }

    [Fact]
    public void LoadWeights_IntoAnotherArchitecture_NamesEverySettingThatDiffers()
    {
        using var folder = new TempFolder();
        var path = folder.File("weights.bin");
        var config = TinyRuns.Config(1, 1, 4);
        using var network = new MultiScaleNet(config.Model);
        SaveWithSidecar(network, config, path);
        using var other = new MultiScaleNet(ModelSettings.Small with { DenseD20 = 8, Channels = "lung,clahe" });

        var error = Assert.Throws<InvalidDataException>(() => ModelCheckpoint.LoadWeights(other, path));

        Assert.Contains("denseD20: 8 requested, 16 in the checkpoint", error.Message);
        Assert.Contains("channels: lung,clahe requested, lung in the checkpoint", error.Message);
    }

    [Fact]
    public void Load_WithoutSidecar_SaysWhatTheSidecarIsFor()
    {
        using var folder = new TempFolder();
        var path = folder.File("weights.bin");
        using var network = new MultiScaleNet(ModelSettings.Small);
        CheckpointStore.SaveWeights(network, path);

        var error = Assert.Throws<FileNotFoundException>(() => ModelCheckpoint.Load(path));

        Assert.Contains("model settings", error.Message);
    }

    // Moves the BN running statistics away from their initial values, so a load that missed them would show.
    private static void TrainBatchNormStatistics(MultiScaleNet network)
    {
        network.train();
        using var noGrad = no_grad();
        using var cubes = rand(new long[] { 4, 1, 26, 40, 40 });
        using var output = network.forward(cubes);
    }

    private static void SaveWithSidecar(MultiScaleNet network, TrainingConfig config, string path)
    {
        CheckpointStore.SaveWeights(network, path);
        var metrics = new EpochMetrics(1, 0.001, 0.5, 4, TimeSpan.FromSeconds(1), 0, null);
        new CheckpointInfo(CheckpointInfo.CurrentFormat, config, 0, 1, 0.001, 0.001, metrics, 1, 0.5,
            Path.GetFileName(path), null).WriteFor(path);
    }
}
