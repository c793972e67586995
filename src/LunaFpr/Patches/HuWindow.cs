namespace LunaFpr.Patches;

/// <summary>
/// A linear intensity window: HU clipped to [<see cref="LowerHu"/>, <see cref="UpperHu"/>] and mapped to [0, 1].
/// </summary>
public readonly record struct HuWindow(float LowerHu, float UpperHu)
{
    /// <summary>The lung window, [−1000, 400] HU: the network's default channel.</summary>
    public static HuWindow Lung { get; } = new(-1000f, 400f);

    /// <summary>The mediastinal (soft-tissue) window, [−115, 185] HU.</summary>
    public static HuWindow Mediastinal { get; } = new(-115f, 185f);

    /// <summary>Windows <paramref name="hu"/> into <paramref name="destination"/> (same length), values in [0, 1].</summary>
    public void Apply(ReadOnlySpan<short> hu, Span<float> destination)
    {
        if (destination.Length < hu.Length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values, needs {hu.Length}.");
        }

        var scale = 1f / (UpperHu - LowerHu);
        for (var i = 0; i < hu.Length; i++)
        {
            destination[i] = (Math.Clamp(hu[i], LowerHu, UpperHu) - LowerHu) * scale;
        }
    }
}
