using System.Text.Json.Serialization;
using LunaFpr.Patches;

namespace LunaFpr.Learning.Model;

/// <summary>
/// Width and wiring of the three-scale network. <see cref="Full"/> holds SPEC §3's values; <see cref="Small"/> is a
/// narrow variant for tests, demos and CPU experiments. Cubes are always 26 × 40 × 40 (z, y, x).
/// </summary>
/// <param name="Preset">Name of the preset the widths came from ("full", "small"), or "custom".</param>
/// <param name="Filters">Filters of every 3D convolution (full: 64).</param>
/// <param name="DenseD40">Units of the d40 branch's dense layer (full: 250).</param>
/// <param name="DenseD30">Units of the d30 branch's dense layer (full: 250).</param>
/// <param name="DenseD20">Units of the d20 branch's dense layer (full: 150).</param>
/// <param name="FusionDense">
/// Units of the dense layer after concatenation (full: 200); unused by weighted fusion.
/// </param>
/// <param name="Channels">
/// Input channels, comma-separated names of <see cref="CubeChannel"/> in order: "lung" (default), "mediastinal",
/// "clahe", "minmax"; e.g. "lung,mediastinal".
/// </param>
/// <param name="Fusion">How the branches are combined (default concatenation).</param>
/// <param name="Dropout">Dropout rate after each branch's dense layer (0.2).</param>
public sealed record ModelSettings(
    string Preset,
    int Filters,
    int DenseD40,
    int DenseD30,
    int DenseD20,
    int FusionDense,
    string Channels,
    FusionMode Fusion,
    double Dropout)
{
    /// <summary>SPEC §3: 64 filters, dense 250 / 250 / 150, fusion dense 200, the lung window alone.</summary>
    public static ModelSettings Full { get; } =
        new("full", 64, 250, 250, 150, 200, "lung", FusionMode.Concatenation, 0.2);

    /// <summary>16 filters, dense 32 / 32 / 16, fusion dense 32: about 1/18 of the full preset's FLOPs.</summary>
    public static ModelSettings Small { get; } =
        new("small", 16, 32, 32, 16, 32, "lung", FusionMode.Concatenation, 0.2);

    /// <summary>The names <see cref="FromPreset"/> accepts.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["full", "small"];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="NotSupportedException">For an unknown name; the message lists the known ones.</exception>
    public static ModelSettings FromPreset(string name) => name.ToLowerInvariant() switch
    {
        "full" => Full,
        "small" => Small,
        _ => throw new NotSupportedException(
            $"Unknown model preset '{name}'. Known presets: {string.Join(", ", PresetNames)}."),
    };

    /// <summary>The input channels in order, parsed from <see cref="Channels"/>.</summary>
    /// <exception cref="FormatException">For an unknown channel name.</exception>
    [JsonIgnore]
    public IReadOnlyList<CubeChannel> InputChannels => CubeChannels.Parse(Channels);

    /// <summary>Number of input channels C: the network reads [N, C, 26, 40, 40].</summary>
    [JsonIgnore]
    public int ChannelCount => InputChannels.Count;

    /// <summary>
    /// <see cref="Channels"/> in canonical form (lower case, no spaces), so equal choices compare equal.
    /// </summary>
    /// <exception cref="FormatException">For an unknown channel name.</exception>
    public static string CanonicalChannels(string channels) =>
        string.Join(",", CubeChannels.Parse(channels).Select(c => c.ToString().ToLowerInvariant()));

    /// <summary>Dense units of a branch, by <see cref="ScaleSpec.Name"/>.</summary>
    public int DenseUnits(ScaleSpec scale) => scale.Name switch
    {
        "d40" => DenseD40,
        "d30" => DenseD30,
        "d20" => DenseD20,
        _ => throw new ArgumentException($"No dense size for branch '{scale.Name}'.", nameof(scale)),
    };

    /// <summary>
    /// The settings that change the shape of the weights, as (name, value) pairs: two models can share a checkpoint
    /// exactly when these agree. <see cref="Preset"/> and <see cref="Dropout"/> are not among them.
    /// </summary>
    public IEnumerable<(string Name, string Value)> ArchitectureKeys()
    {
        yield return ("filters", Filters.ToString());
        yield return ("denseD40", DenseD40.ToString());
        yield return ("denseD30", DenseD30.ToString());
        yield return ("denseD20", DenseD20.ToString());
        yield return ("fusion", Fusion.ToString());
        if (Fusion == FusionMode.Concatenation)
        {
            yield return ("fusionDense", FusionDense.ToString());
        }

        yield return ("channels", CanonicalChannels(Channels));
    }

    /// <summary>
    /// Names each architecture setting where <paramref name="other"/> differs from this one, as
    /// "filters: 16 here, 64 there"; empty when a checkpoint of one loads into the other.
    /// </summary>
    public IReadOnlyList<string> ArchitectureDifferences(ModelSettings other) => ArchitectureKeys()
        .Zip(other.ArchitectureKeys())
        .Where(pair => pair.First != pair.Second)
        .Select(pair => $"{pair.First.Name}: {pair.First.Value} requested, {pair.Second.Value} in the checkpoint")
        .ToList();

    /// <summary>Checks every value; the message names the setting and the accepted range.</summary>
    /// <exception cref="ArgumentException">For a value out of range.</exception>
    public void Validate()
    {
        Require(Filters is >= 1 and <= 1024, "filters", Filters, "1 … 1024");
        Require(DenseD40 is >= 1 and <= 100_000, "denseD40", DenseD40, "1 … 100000");
        Require(DenseD30 is >= 1 and <= 100_000, "denseD30", DenseD30, "1 … 100000");
        Require(DenseD20 is >= 1 and <= 100_000, "denseD20", DenseD20, "1 … 100000");
        Require(FusionDense is >= 1 and <= 100_000, "fusionDense", FusionDense, "1 … 100000");
        IReadOnlyList<CubeChannel> channels;
        try
        {
            channels = InputChannels;
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"Model setting 'channels': {e.Message}", e);
        }

        Require(channels.Count > 0 && channels.Distinct().Count() == channels.Count, "channels", Channels,
            "one or more distinct names of lung, mediastinal, clahe, minmax");
        Require(Dropout is >= 0 and < 1, "dropout", Dropout, "0 ≤ dropout < 1");
    }

    private static void Require(bool ok, string key, object value, string range)
    {
        if (!ok)
        {
            throw new ArgumentException($"Model setting '{key}' is {value}; it must be {range}.");
        }
    }
}
