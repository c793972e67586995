using System.CommandLine;
using System.CommandLine.Parsing;

namespace LunaFpr.Cli.Training;

/// <summary>What <c>lunafpr train</c> was asked: folders, fold, config files and overrides.</summary>
internal sealed record TrainRequest(
    string? StorePath,
    int? Fold,
    string? OutputPath,
    string? ConfigPath,
    string? SaveConfigPath,
    bool Resume,
    TrainingOverrides Overrides)
{
    /// <summary>Store, fold and output folder, which training needs (saving a config alone does not).</summary>
    /// <exception cref="ArgumentException">When one is missing; the message names the option.</exception>
    public (string Store, int Fold, string Output) RequireData()
    {
        var missing = new[] { ("--store", StorePath is null), ("--fold", Fold is null), ("--out", OutputPath is null) }
            .Where(m => m.Item2).Select(m => m.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"Training needs {string.Join(", ", missing)}; only --save-config FILE alone runs without them.");
        }

        return (StorePath!, Fold!.Value, OutputPath!);
    }
}

/// <summary>The options of <c>lunafpr train</c>; every training setting can also come from --config.</summary>
internal sealed class TrainOptions
{
    public Option<string?> Store { get; } = new("--store") { Description = "Patch store made by lunafpr prepare." };

    public Option<int?> Fold { get; } = new("--fold")
    { Description = "LUNA16 fold 0-9: tests on subset K, validates on K+1 mod 10, trains on the other eight." };

    public Option<string?> Out { get; } = new("--out")
    { Description = "Output folder: config.json, history.csv, loss.png and checkpoints." };

    public Option<string?> Config { get; } = new("--config") { Description = "Training config (JSON) to start from." };

    public Option<string?> SaveConfig { get; } = new("--save-config")
    { Description = "Write the resolved config (file + options) to FILE; alone, write it and exit." };

    public Option<bool> Resume { get; } = new("--resume")
    { Description = "Continue from the output folder's last checkpoint (fresh start if there is none)." };

    public Option<string?> Preset { get; } = new("--preset") { Description = "Network width: full (SPEC) or small." };

    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Epochs to train (20)." };

    public Option<int?> Steps { get; } = new("--steps-per-epoch")
    { Description = "Steps per epoch (default: one pass over the balanced buffer)." };

    public Option<int?> Batch { get; } = new("--batch") { Description = "Cubes per step, even (64)." };

    public Option<long?> Seed { get; } = new("--seed") { Description = "Seed of weights, batches and dropout (1)." };

    public Option<int?> Threads { get; } = new("--threads") { Description = "Torch compute threads (all cores)." };

    public Option<string?> Device { get; } = new("--device") { Description = "cpu (default) or cuda." };

    public Option<string?> Fusion { get; } = new("--fusion")
    { Description = "concatenation (SPEC, default) or weighted-mean (Dou et al.: 0.3/0.4/0.3)." };

    public Option<string?> Channels { get; } = new("--channels")
    { Description = "Input channels in order, from lung, mediastinal, clahe, minmax (default: lung)." };

    public Option<double?> LearningRate { get; } = new("--learning-rate")
    {
        Description = "Rate of the first epoch (0.001).",
    };

    public Option<double?> Decay { get; } = new("--decay")
    { Description = "Factor the rate is multiplied by after each epoch (0.95)." };

    public Option<bool> Flips { get; } = new("--flips")
    { Description = "Also mirror training cubes in x and z at random." };

    public Option<string?> Optimizer { get; } = new("--optimizer")
    { Description = "sgd (SPEC, Nesterov momentum; default) or adam (fewer steps to a useful network)." };

    public Option<string?> PositiveSampling { get; } = new("--positive-sampling")
    { Description = "cube (SPEC: every resampled cube alike; default) or nodule (every nodule alike)." };

    public Option<int?> Replicas { get; } = new("--replicas")
    { Description = "Network copies training on shares of each batch, one thread group each (1)." };

    public Option<double?> AverageDecay { get; } = new("--average-decay")
    {
        Description = "Validate, save and predict with a moving average of the weights, this decay per step " +
            "(0 = off, default; 0.99 ≈ the last 100 steps).",
    };

    public IEnumerable<Option> All =>
    [
        Store, Fold, Out, Config, SaveConfig, Resume, Preset, Epochs, Steps, Batch, Seed, Threads, Device, Fusion,
        Channels, LearningRate, Decay, Flips, Optimizer, PositiveSampling, Replicas, AverageDecay,
    ];

    public TrainRequest Read(ParseResult parse) => new(
        parse.GetValue(Store),
        parse.GetValue(Fold),
        parse.GetValue(Out),
        parse.GetValue(Config),
        parse.GetValue(SaveConfig),
        parse.GetValue(Resume),
        new TrainingOverrides(
            parse.GetValue(Preset), parse.GetValue(Epochs), parse.GetValue(Steps), parse.GetValue(Batch),
            parse.GetValue(Seed), parse.GetValue(Threads), parse.GetValue(Device), parse.GetValue(Fusion),
            parse.GetValue(Channels), parse.GetValue(LearningRate), parse.GetValue(Decay),
            parse.GetResult(Flips) is { Implicit: false } ? parse.GetValue(Flips) : null, parse.GetValue(Optimizer),
            parse.GetValue(PositiveSampling), parse.GetValue(Replicas), parse.GetValue(AverageDecay)));
}
