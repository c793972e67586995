using LunaFpr.Learning.Model;
using LunaFpr.Learning.Tests.Fakes;
using LunaFpr.Learning.Training;

namespace LunaFpr.Learning.Tests.Training;

public class TrainingConfigFileTests
{
    [Fact]
    public void Parse_PartialFile_FillsTheRestFromThePresetAndDefaults()
    {
        const string json = """
            { "model": { "preset": "small", "fusion": "weightedMean" },
              "training": { "epochs": 3, "stepsPerEpoch": 50, "seed": 7 } }
            """;

        var config = TrainingConfigFile.Parse(json, "test.json");

        Assert.Equal(ModelSettings.Small with { Fusion = FusionMode.WeightedMean }, config.Model);
        Assert.Equal(new TrainingSettings(Epochs: 3, StepsPerEpoch: 50, Seed: 7), config.Training);
    }

    [Fact]
    public void WriteThenRead_GivesTheSameConfig()
    {
        using var folder = new TempFolder();
        var config = new TrainingConfig(
            ModelSettings.Full with { Channels = "lung,minmax" },
            new TrainingSettings(BatchSize: 32, DecayPerEpoch: 0.9, Flips: true, Device: ComputeDevice.Cuda,
                Optimizer: OptimizerKind.Adam, PositiveSampling: PositiveSampling.Nodule));

        TrainingConfigFile.Write(folder.File("config.json"), config);

        Assert.Equal(config, TrainingConfigFile.Read(folder.File("config.json")));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void WriteThenRead_GivesTheSameConfig_ForACustomWidth()
    {
        using var folder = new TempFolder();
        var config = new TrainingConfig(
            ModelSettings.Small with { Preset = "custom", Filters = 8 },
            new TrainingSettings());

        TrainingConfigFile.Write(folder.File("config.json"), config);

        Assert.Equal(config, TrainingConfigFile.Read(folder.File("config.json")));
    }

    [Fact]
    public void Parse_OptimizerAndSampling_ReadTheirNamesAndRefuseOthers()
    {
        var config = TrainingConfigFile.Parse(
            """{ "training": { "optimizer": "adam", "positiveSampling": "nodule" } }""", "test.json");

        Assert.Equal(OptimizerKind.Adam, config.Training.Optimizer);
        Assert.Equal(PositiveSampling.Nodule, config.Training.PositiveSampling);
        Assert.Equal(OptimizerKind.Sgd, TrainingConfigFile.Parse("{}", "test.json").Training.Optimizer);
        var error = Assert.Throws<InvalidDataException>(
            () => TrainingConfigFile.Parse("""{ "training": { "optimizer": "rmsprop" } }""", "test.json"));
        Assert.Contains("test.json", error.Message);
    }

    [Fact]
    public void Parse_ChangedWidth_MarksThePresetCustom()
    {
        var config = TrainingConfigFile.Parse("""{ "model": { "filters": 32 } }""", "test.json");

        Assert.Equal("custom", config.Model.Preset);
        Assert.Equal(250, config.Model.DenseD40);
    }

    [Fact]
    public void Parse_Channels_AreCanonicalAndUnknownNamesRefused()
    {
        var config = TrainingConfigFile.Parse("""{ "model": { "channels": "Lung, CLAHE" } }""", "a.json");
        var error = Assert.Throws<InvalidDataException>(() =>
            TrainingConfigFile.Parse("""{ "model": { "channels": "lung,bone" } }""", "b.json"));

        Assert.Equal("lung,clahe", config.Model.Channels);
        Assert.Equal(2, config.Model.ChannelCount);
        Assert.Contains("b.json", error.Message);
        Assert.Contains("'bone'", error.Message);
    }

    [Fact]
    public void Parse_UnknownKey_NamesTheFileAndKey()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            TrainingConfigFile.Parse("""{ "training": { "epocs": 3 } }""", "run.json"));

        Assert.Contains("run.json", error.Message);
        Assert.Contains("epocs", error.Message);
    }

    [Fact]
    public void Parse_OddBatch_NamesTheSettingAndTheRule()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            TrainingConfigFile.Parse("""{ "training": { "batchSize": 7 } }""", "run.json"));

        Assert.Contains("'batchSize' is 7", error.Message);
        Assert.Contains("even", error.Message);
    }
}
