using System.Globalization;
using System.Text;
using LunaFpr.IO;

namespace LunaFpr.Evaluation;

/// <summary>
/// The plain-text summary of a <see cref="FrocResult"/>: counts, sensitivity, candidates per scan, CPM with its band
/// and the seven operating points, then the warnings. Numbers carry nine decimals, like the challenge's own report.
/// </summary>
public static class FrocReport
{
    /// <summary>The summary as text, one fact a line, LF line ends.</summary>
    public static string Format(FrocResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = result.Counts;
        var text = new StringBuilder();
        text.Append("LUNA16 FROC evaluation\n\n");
        Line(text, "Scans in the list", c.Scans.ToString(CultureInfo.InvariantCulture));
        Line(text, "Scans without candidates", Int(c.ScansWithoutCandidates));
        Line(text, "Nodules", Int(c.Nodules));
        Line(text, "Hits (nodules found)", Int(c.Hits));
        Line(text, "Misses (no candidate)", Int(c.Misses));
        Line(text, "False positives", Int(c.FalsePositives));
        Line(text, "Ignored (excluded findings)", Int(c.Ignored));
        Line(text, "Extra hits on a found nodule", Int(c.ExtraHits));
        Line(text, "Candidates kept", Int(c.Candidates));
        Line(text, "Dropped by the per-scan cap", Int(c.DroppedByCap));
        Line(text, "Rows outside the list", Int(c.OutsideList));
        Line(text, "Sensitivity", Fixed(c.Sensitivity));
        Line(text, "Candidates per scan", Fixed(c.CandidatesPerScan));
        Line(text, "CPM", Fixed(result.Cpm) + Band(result.CpmBand));
        Line(text, "Bootstrap", result.BootstrapCount == 0 ? "none" :
            $"{result.BootstrapCount} resamples of the scan list, seed {result.Seed}");

        text.Append("\nFPs/scan  sensitivity  [lower, mean, upper]\n");
        foreach (var point in result.OperatingPoints)
        {
            var rate = point.FalsePositivesPerScan;
            text.Append(CultureInfo.InvariantCulture, $"{rate,8:0.###}  {Fixed(point.Sensitivity)}");
            text.Append(Band(point.Band)).Append('\n');
        }

        if (result.Warnings.Count > 0)
        {
            text.Append("\nWarnings\n");
            foreach (var warning in result.Warnings)
            {
                text.Append("- ").Append(warning).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <see cref="Format"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, FrocResult result)
    {
        var summary = Format(result);
        AtomicFile.WriteText(path, text => text.Write(summary));
    }

    /// <summary>A number with nine decimals, invariant culture.</summary>
    public static string Fixed(double value) => value.ToString("F9", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Band(ConfidenceBand? band) => band is null ? "" :
        $"  [{Fixed(band.Lower)}, {Fixed(band.Mean)}, {Fixed(band.Upper)}]";

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(CultureInfo.InvariantCulture, $"{label,-30}{value}\n");
}
