using System.Globalization;

namespace LunaFpr.Benchmarks.Learning;

/// <summary>
/// This machine's fp32 peak for 256-bit FMA cores (AVX2):
/// peak = cores × GHz × 2 FMA units × 8 fp32 lanes × 2 flops (a fused multiply-add counts as two).
/// The clock is the first "cpu MHz" of /proc/cpuinfo (the current clock, which may differ from the sustained one
/// under load).
/// </summary>
internal sealed record CpuPeak(int Cores, double Gigahertz, string Model)
{
    /// <summary>The formula, printed with the figures.</summary>
    public const string Formula = "peak = cores × GHz × 2 FMA units × 8 fp32 lanes × 2 flops";

    /// <summary>Peak fp32 GFLOP/s.</summary>
    public double GigaflopsPerSecond => Cores * Gigahertz * 2 * 8 * 2;

    /// <summary>Reads the clock and model name; <paramref name="cores"/> are the cores the work may use.</summary>
    public static CpuPeak Read(int cores)
    {
        const string path = "/proc/cpuinfo";
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        var megahertz = Field(lines, "cpu MHz") is { } mhz
            ? double.Parse(mhz, CultureInfo.InvariantCulture)
            : double.NaN;
        return new CpuPeak(cores, megahertz / 1000, Field(lines, "model name") ?? "unknown CPU");
    }

    private static string? Field(string[] lines, string name) => lines
        .Where(l => l.StartsWith(name, StringComparison.Ordinal))
        .Select(l => l[(l.IndexOf(':') + 1)..].Trim())
        .FirstOrDefault();
}
