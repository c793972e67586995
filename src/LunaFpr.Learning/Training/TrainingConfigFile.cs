using System.Text.Json;
using System.Text.Json.Serialization;
using LunaFpr.IO;
using LunaFpr.Learning.Model;

namespace LunaFpr.Learning.Training;

/// <summary>
/// Reads and writes <see cref="TrainingConfig"/> as JSON. A file may give only some keys: missing model widths come
/// from <c>model.preset</c> (default "full"), missing training keys from <see cref="TrainingSettings"/>' defaults.
/// Unknown keys are errors, so a misspelt setting is never silently ignored.
/// </summary>
/// <example>
/// <code>
/// { "model": { "preset": "small", "fusion": "weightedMean" },
///   "training": { "epochs": 5, "stepsPerEpoch": 200, "batchSize": 32, "seed": 7 } }
/// </code>
/// </example>
public static class TrainingConfigFile
{
    /// <summary>camelCase keys, enums as camelCase strings, indented; shared by checkpoint sidecars.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    /// <summary>Reads and validates the config at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">When the file is missing.</exception>
    /// <exception cref="InvalidDataException">For malformed JSON, an unknown key or a value out of range.</exception>
    public static TrainingConfig Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Config file '{path}' does not exist.", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses config JSON; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">For malformed JSON, an unknown key or a value out of range.</exception>
    public static TrainingConfig Parse(string json, string sourceName)
    {
        ConfigDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<ConfigDto>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"Config '{sourceName}', line {e.LineNumber + 1}, key '{e.Path}': {e.Message} " +
                "Keys are camelCase under \"model\" and \"training\"; see README, lunafpr train.", e);
        }

        try
        {
            var config = Resolve(dto ?? new ConfigDto());
            config.Validate();
            return config;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or FormatException)
        {
            throw new InvalidDataException($"Config '{sourceName}': {e.Message}", e);
        }
    }

    /// <summary>Writes every setting of <paramref name="config"/> (atomically: temp file, then rename).</summary>
    public static void Write(string path, TrainingConfig config) =>
        AtomicFile.WriteText(path, writer => writer.WriteLine(Serialize(config)));

    /// <summary>The JSON text of <paramref name="config"/>, every key present.</summary>
    public static string Serialize(TrainingConfig config) => JsonSerializer.Serialize(config, JsonOptions);

    private static TrainingConfig Resolve(ConfigDto dto)
    {
        var m = dto.Model ?? new ModelDto();
        // A "custom" model lists all its widths; they override the full preset's one by one.
        var preset = m.Preset is null or "custom" ? ModelSettings.Full : ModelSettings.FromPreset(m.Preset);
        var model = preset with
        {
            Filters = m.Filters ?? preset.Filters,
            DenseD40 = m.DenseD40 ?? preset.DenseD40,
            DenseD30 = m.DenseD30 ?? preset.DenseD30,
            DenseD20 = m.DenseD20 ?? preset.DenseD20,
            FusionDense = m.FusionDense ?? preset.FusionDense,
            Channels = ModelSettings.CanonicalChannels(m.Channels ?? preset.Channels),
            Fusion = m.Fusion ?? preset.Fusion,
            Dropout = m.Dropout ?? preset.Dropout,
        };
        if (model.ArchitectureDifferences(preset with { Channels = model.Channels, Fusion = model.Fusion }).Count > 0)
        {
            model = model with { Preset = "custom" };
        }

        var t = dto.Training ?? new TrainingDto();
        var d = new TrainingSettings();
        var training = new TrainingSettings(
            t.Epochs ?? d.Epochs, t.BatchSize ?? d.BatchSize, t.StepsPerEpoch ?? d.StepsPerEpoch,
            t.LearningRate ?? d.LearningRate, t.Momentum ?? d.Momentum, t.Nesterov ?? d.Nesterov,
            t.DecayPerEpoch ?? d.DecayPerEpoch, t.Flips ?? d.Flips, t.Seed ?? d.Seed, t.Threads ?? d.Threads,
            t.Device ?? d.Device, t.ValidationBatchSize ?? d.ValidationBatchSize,
            t.PrefetchBatches ?? d.PrefetchBatches, t.Optimizer ?? d.Optimizer,
            t.PositiveSampling ?? d.PositiveSampling, t.Replicas ?? d.Replicas,
            t.AverageDecay ?? d.AverageDecay);
        return new TrainingConfig(model, training);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowTrailingCommas = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    private sealed class ConfigDto
    {
        public ModelDto? Model { get; set; }

        public TrainingDto? Training { get; set; }
    }

    private sealed class ModelDto
    {
        public string? Preset { get; set; }

        public int? Filters { get; set; }

        public int? DenseD40 { get; set; }

        public int? DenseD30 { get; set; }

        public int? DenseD20 { get; set; }

        public int? FusionDense { get; set; }

        public string? Channels { get; set; }

        public FusionMode? Fusion { get; set; }

        public double? Dropout { get; set; }
    }

    private sealed class TrainingDto
    {
        public int? Epochs { get; set; }

        public int? BatchSize { get; set; }

        public int? StepsPerEpoch { get; set; }

        public double? LearningRate { get; set; }

        public double? Momentum { get; set; }

        public bool? Nesterov { get; set; }

        public double? DecayPerEpoch { get; set; }

        public bool? Flips { get; set; }

        public long? Seed { get; set; }

        public int? Threads { get; set; }

        public ComputeDevice? Device { get; set; }

        public int? ValidationBatchSize { get; set; }

        public int? PrefetchBatches { get; set; }

        public OptimizerKind? Optimizer { get; set; }

        public PositiveSampling? PositiveSampling { get; set; }

        public int? Replicas { get; set; }

        public double? AverageDecay { get; set; }
    }
}
