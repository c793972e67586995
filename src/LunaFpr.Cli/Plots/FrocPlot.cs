using System.Globalization;
using LunaFpr.Evaluation;
using LunaFpr.IO;
using ScottPlot;

namespace LunaFpr.Cli.Plots;

/// <summary>
/// Draws a FROC curve as a PNG: sensitivity against average false positives per scan on a log₂ axis from 0.125
/// to 8, the bootstrap band shaded with its mean dashed, the seven CPM rates marked, the CPM in the title.
/// ScottPlot has no logarithmic axis, so the curve is drawn against log₂(rate) with ticks labelled as rates.
/// </summary>
internal static class FrocPlot
{
    private const int Width = 900;
    private const int Height = 650;

    /// <summary>Renders <paramref name="result"/> and writes the PNG to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, FrocResult result, string name)
    {
        var plot = new Plot();
        var color = Colors.Blue;
        if (result.Band.Count > 0)
        {
            var xs = result.Band.Select(p => Math.Log2(p.FalsePositivesPerScan)).ToArray();
            var fill = plot.Add.FillY(xs, result.Band.Select(p => p.Lower).ToArray(),
                result.Band.Select(p => p.Upper).ToArray());
            fill.FillColor = color.WithAlpha(0.15);
            fill.LineColor = color.WithAlpha(0.4);
            var mean = plot.Add.ScatterLine(xs, result.Band.Select(p => p.Mean).ToArray(), color);
            mean.LinePattern = LinePattern.Dashed;
            mean.LegendText = $"bootstrap mean, {Percent(result)} band";
        }

        var (curveX, curveY) = VisibleCurve(result);
        var curve = plot.Add.ScatterLine(curveX, curveY, color);
        curve.LineWidth = 2;
        curve.LegendText = name;

        var rates = FrocResult.CpmFalsePositiveRates;
        var marks = plot.Add.ScatterPoints(rates.Select(Math.Log2).ToArray(),
            result.OperatingPoints.Select(p => p.Sensitivity).ToArray(), color);
        marks.MarkerSize = 7;

        var labels = rates.Select(r => r.ToString("0.###", CultureInfo.InvariantCulture)).ToArray();
        plot.Axes.Bottom.TickGenerator =
            new ScottPlot.TickGenerators.NumericManual(rates.Select(Math.Log2).ToArray(), labels);
        plot.Axes.SetLimits(-3, 3, 0, 1);
        plot.XLabel("Average number of false positives per scan");
        plot.YLabel("Sensitivity");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"FROC, CPM {result.Cpm:0.000}{CpmBand(result)}"));
        plot.ShowLegend(Alignment.LowerRight);

        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(png));
    }

    /// <summary>
    /// The curve as the score reads it (linear between corners in FPs per scan), sampled evenly on the log axis,
    /// so straight segments show bent as they are on a log scale.
    /// </summary>
    private static (double[] X, double[] Y) VisibleCurve(FrocResult result)
    {
        const int samples = 600;
        var xs = Enumerable.Range(0, samples).Select(i => -3 + 6.0 * i / (samples - 1)).ToArray();
        return (xs, xs.Select(x => result.SensitivityAt(Math.Pow(2, x))).ToArray());
    }

    private static string CpmBand(FrocResult result) => result.CpmBand is { } band
        ? string.Create(CultureInfo.InvariantCulture,
            $" ({Percent(result)} band {band.Lower:0.000}–{band.Upper:0.000})")
        : "";

    private static string Percent(FrocResult result) =>
        result.Confidence.ToString("0.#%", CultureInfo.InvariantCulture);
}
