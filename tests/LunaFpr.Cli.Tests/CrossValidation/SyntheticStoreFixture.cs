using LunaFpr.Cli.Commands;
using LunaFpr.Learning.Model;
using LunaFpr.Learning.Training;
using LunaFpr.Patches;
using LunaFpr.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;

namespace LunaFpr.Cli.Tests.CrossValidation;

/// <summary>
/// Ten small synthetic scans, one per LUNA16 subset, prepared once into a patch store that the cross-validation
/// and prediction tests share; each test writes its own output folder.
/// </summary>
public sealed class SyntheticStoreFixture : IDisposable
{
    public SyntheticStoreFixture()
    {
        Directory.CreateDirectory(Root);
        var synthetic = new SyntheticOptions { Scans = 20, Seed = 3 };
        SynthCommand.Run(TestConsole.Recording(new StringWriter()), synthetic, Data);
        var options = new PrepareOptions(
            Data,
            Path.Combine(Data, SyntheticDataset.CandidatesFile),
            Path.Combine(Data, SyntheticDataset.AnnotationsFile),
            Path.Combine(Data, SyntheticDataset.ExcludedFile),
            StorePath) { Workers = 2, Seed = 3 };
        var exit = PrepareCommand.Run(TestConsole.Recording(new StringWriter()), options, NullLogger.Instance, default);
        Assert.Equal(0, exit);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "lunafpr-cv-" + Guid.NewGuid().ToString("N"));

    public string Data => Path.Combine(Root, "luna16");

    public string StorePath => Path.Combine(Root, "store");

    /// <summary>
    /// A network far smaller than the small preset and a two-step epoch: the plumbing, not the skill.
    /// </summary>
    public static TrainingConfig TinyConfig(int epochs) => new(
        ModelSettings.Small with
        {
            Preset = "custom",
            Filters = 4,
            DenseD40 = 8,
            DenseD30 = 8,
            DenseD20 = 8,
            FusionDense = 8,
        },
        new TrainingSettings { Epochs = epochs, StepsPerEpoch = 2, BatchSize = 8, Threads = 2, Seed = 5 });

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
