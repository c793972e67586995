using System.Globalization;

namespace LunaFpr.Benchmarks;

/// <summary>Statistics and option parsing shared by the side-by-side comparisons.</summary>
internal static class ComparisonTools
{
    /// <summary>The middle value (mean of the two middle ones for an even count).</summary>
    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The value after <paramref name="name"/> in <paramref name="args"/>, or null.</summary>
    public static string? StringOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The integer after <paramref name="name"/> in <paramref name="args"/>, or null.</summary>
    public static int? IntOption(string[] args, string name) =>
        StringOption(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
