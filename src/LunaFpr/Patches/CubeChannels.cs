
namespace LunaFpr.Patches;

/// <summary>
/// Turns an int16 HU cube (z, y, x) into the network's float input [C, Z, Y, X], one block of
/// <see cref="CubeShape.VoxelCount"/> values per channel in the order of <see cref="Channels"/>, all in [0, 1]
/// (SPEC §2.4). Training and prediction call it on cubes read from the patch store, so any window can be chosen
/// after preparation. Default: the lung window alone, giving [1, 26, 40, 40].
/// </summary>
public sealed class CubeChannels
{
    /// <param name="shape">Cube size (z, y, x); default 26 × 40 × 40.</param>
    /// <param name="channels">Channels in output order; at least one, each at most once.</param>
    /// <param name="clahe">Settings of <see cref="CubeChannel.Clahe"/>; <see cref="Clahe.Default"/> if null.</param>
    public CubeChannels(CubeShape shape, IReadOnlyList<CubeChannel> channels, Clahe? clahe = null)
    {
        if (channels.Count == 0 || channels.Distinct().Count() != channels.Count)
        {
            throw new ArgumentException(
                $"Channels must be one or more distinct names, got [{string.Join(", ", channels)}].",
                nameof(channels));
        }

        Shape = shape;
        Channels = channels.ToArray();
        ClaheSettings = clahe ?? Clahe.Default;
    }

    /// <summary>The lung window alone on the default 26 × 40 × 40 cube.</summary>
    public static CubeChannels Default { get; } = new(CubeShape.Default, [CubeChannel.Lung]);

    public CubeShape Shape { get; }

    public IReadOnlyList<CubeChannel> Channels { get; }

    public Clahe ClaheSettings { get; }

    /// <summary>Number of channels, C.</summary>
    public int Count => Channels.Count;

    /// <summary>Floats in one output, C × Z × Y × X.</summary>
    public int ValueCount => Count * Shape.VoxelCount;

    /// <summary>
    /// Parses a comma-separated list such as <c>lung,mediastinal,clahe,minmax</c> (case-insensitive).
    /// </summary>
    /// <exception cref="FormatException">A name is not one of lung, mediastinal, clahe, minmax.</exception>
    public static IReadOnlyList<CubeChannel> Parse(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => Enum.TryParse<CubeChannel>(name, ignoreCase: true, out var c) && Enum.IsDefined(c)
                ? c
                : throw new FormatException(
                    $"Unknown channel '{name}' in '{text}'; use a comma-separated list of lung, mediastinal, "
                    + "clahe, minmax."))
            .ToArray();

    /// <summary>
    /// Writes the channels of <paramref name="huCube"/> (int16 HU, (z, y, x)) into <paramref name="destination"/>
    /// as [C, Z, Y, X]; <paramref name="destination"/> must hold <see cref="ValueCount"/> floats.
    /// </summary>
    public void Fill(ReadOnlySpan<short> huCube, Span<float> destination)
    {
        var n = Shape.VoxelCount;
        if (huCube.Length != n || destination.Length < ValueCount)
        {
            throw new ArgumentException(
                $"Expected a {Shape} cube of {n} HU values and room for {ValueCount} floats; got {huCube.Length} "
                + $"and {destination.Length}.");
        }

        for (var c = 0; c < Channels.Count; c++)
        {
            var target = destination.Slice(c * n, n);
            switch (Channels[c])
            {
                case CubeChannel.Lung:
                    HuWindow.Lung.Apply(huCube, target);
                    break;
                case CubeChannel.Mediastinal:
                    HuWindow.Mediastinal.Apply(huCube, target);
                    break;
                case CubeChannel.Clahe:
                    FillClahe(huCube, target);
                    break;
                case CubeChannel.MinMax:
                    FillMinMax(huCube, target);
                    break;
            }
        }
    }

    /// <summary>The channels of <paramref name="huCube"/> in a new array [C, Z, Y, X].</summary>
    public float[] Create(ReadOnlySpan<short> huCube)
    {
        var values = new float[ValueCount];
        Fill(huCube, values);
        return values;
    }

    private void FillClahe(ReadOnlySpan<short> huCube, Span<float> destination)
    {
        var sliceSize = Shape.Y * Shape.X;
        var lung = new float[sliceSize];
        for (var z = 0; z < Shape.Z; z++)
        {
            HuWindow.Lung.Apply(huCube.Slice(z * sliceSize, sliceSize), lung);
            ClaheSettings.Apply(lung, Shape.Y, Shape.X, destination.Slice(z * sliceSize, sliceSize));
        }
    }

    private static void FillMinMax(ReadOnlySpan<short> huCube, Span<float> destination)
    {
        int min = short.MaxValue, max = short.MinValue;
        foreach (var v in huCube)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        // A flat cube has no range to stretch; it reads as all zeros.
        var scale = max > min ? 1f / (max - min) : 0f;
        for (var i = 0; i < huCube.Length; i++)
        {
            destination[i] = (huCube[i] - min) * scale;
        }
    }
}
