using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    /// <summary>
    /// Windows <paramref name="hu"/> into <paramref name="destination"/> (same length), values in [0, 1]; a SIMD
    /// vector of voxels at a time, since training windows every cube of every epoch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Apply(ReadOnlySpan<short> hu, Span<float> destination)
    {
        if (destination.Length < hu.Length)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values, needs {hu.Length}.");
        }

        var scale = 1f / (UpperHu - LowerHu);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var lower = new Vector<float>(LowerHu);
            var upper = new Vector<float>(UpperHu);
            var scales = new Vector<float>(scale);
            var source = MemoryMarshal.Cast<short, Vector<short>>(hu);
            var target = MemoryMarshal.Cast<float, Vector<float>>(destination)[..(2 * source.Length)];
            for (var v = 0; v < source.Length; v++)
            {
                Vector.Widen(source[v], out var low, out var high);
                target[2 * v] = (Vector.Min(Vector.Max(Vector.ConvertToSingle(low), lower), upper) - lower) * scales;
                target[2 * v + 1] =
                    (Vector.Min(Vector.Max(Vector.ConvertToSingle(high), lower), upper) - lower) * scales;
            }

            i = source.Length * Vector<short>.Count;
        }

        for (; i < hu.Length; i++)
        {
            destination[i] = (Math.Clamp(hu[i], LowerHu, UpperHu) - LowerHu) * scale;
        }
    }
}
