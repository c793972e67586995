using LunaFpr.Learning.Model;
using LunaFpr.Learning.Training;

namespace LunaFpr.Cli.Training;

/// <summary>
/// Settings given on the command line, each overriding the config file's value when present (null = not given).
/// <see cref="Preset"/> replaces the widths (filters and dense sizes) but keeps channels and fusion.
/// </summary>
internal sealed record TrainingOverrides(
    string? Preset = null,
    int? Epochs = null,
    int? StepsPerEpoch = null,
    int? BatchSize = null,
    long? Seed = null,
    int? Threads = null,
    string? Device = null,
    string? Fusion = null,
    string? Channels = null,
    double? LearningRate = null,
    double? DecayPerEpoch = null,
    bool? Flips = null,
    string? Optimizer = null,
    string? PositiveSampling = null,
    int? Replicas = null,
    double? AverageDecay = null)
{
    /// <summary><paramref name="config"/> with every given override applied, validated.</summary>
    /// <exception cref="ArgumentException">A value out of range; the message names the setting.</exception>
    /// <exception cref="NotSupportedException">An unknown preset, device or fusion name.</exception>
    /// <exception cref="FormatException">An unknown channel name.</exception>
    public TrainingConfig ApplyTo(TrainingConfig config)
    {
        var model = config.Model;
        if (Preset is not null)
        {
            model = ModelSettings.FromPreset(Preset) with { Channels = model.Channels, Fusion = model.Fusion };
        }

        model = model with
        {
            Channels = Channels is null ? model.Channels : ModelSettings.CanonicalChannels(Channels),
            Fusion = Fusion is null ? model.Fusion : ParseFusion(Fusion),
        };
        var t = config.Training;
        var training = t with
        {
            Epochs = Epochs ?? t.Epochs,
            StepsPerEpoch = StepsPerEpoch ?? t.StepsPerEpoch,
            BatchSize = BatchSize ?? t.BatchSize,
            Seed = Seed ?? t.Seed,
            Threads = Threads ?? t.Threads,
            Device = Device is null ? t.Device : ParseDevice(Device),
            LearningRate = LearningRate ?? t.LearningRate,
            DecayPerEpoch = DecayPerEpoch ?? t.DecayPerEpoch,
            Flips = Flips ?? t.Flips,
            Optimizer = Optimizer is null ? t.Optimizer : ParseOptimizer(Optimizer),
            PositiveSampling = PositiveSampling is null ? t.PositiveSampling : ParseSampling(PositiveSampling),
            Replicas = Replicas ?? t.Replicas,
            AverageDecay = AverageDecay ?? t.AverageDecay,
        };
        var resolved = new TrainingConfig(model, training);
        resolved.Validate();
        return resolved;
    }

    private static OptimizerKind ParseOptimizer(string name) => name.ToLowerInvariant() switch
    {
        "sgd" => OptimizerKind.Sgd,
        "adam" => OptimizerKind.Adam,
        _ => throw new NotSupportedException($"Unknown optimizer '{name}'. Known: sgd, adam."),
    };

    private static PositiveSampling ParseSampling(string name) => name.ToLowerInvariant() switch
    {
        "cube" => Learning.Training.PositiveSampling.Cube,
        "nodule" => Learning.Training.PositiveSampling.Nodule,
        _ => throw new NotSupportedException($"Unknown positive sampling '{name}'. Known: cube, nodule."),
    };

    private static FusionMode ParseFusion(string name) => name.ToLowerInvariant() switch
    {
        "concatenation" or "concat" => FusionMode.Concatenation,
        "weighted-mean" or "weightedmean" or "weighted" => FusionMode.WeightedMean,
        _ => throw new NotSupportedException($"--fusion '{name}' is unknown; use concatenation or weighted-mean."),
    };

    private static ComputeDevice ParseDevice(string name) => name.ToLowerInvariant() switch
    {
        "cpu" => ComputeDevice.Cpu,
        "cuda" => ComputeDevice.Cuda,
        _ => throw new NotSupportedException($"--device '{name}' is unknown; use cpu or cuda."),
    };
}
